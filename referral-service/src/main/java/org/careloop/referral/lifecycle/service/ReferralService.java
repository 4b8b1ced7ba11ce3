package org.careloop.referral.lifecycle.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.ChaseKinds;
import org.careloop.contracts.codes.OutcomeCodes;
import org.careloop.contracts.codes.StatusReasonCodes;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.referral.consent.repository.ConsentDecisionRepository;
import org.careloop.referral.lifecycle.Actor;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralCriteria;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.lifecycle.ReferralStatusChange;
import org.careloop.referral.lifecycle.TransitionPolicy;
import org.careloop.referral.lifecycle.repository.ReferralRepository;
import org.careloop.referral.lifecycle.repository.ReferralStatusChangeRepository;
import org.careloop.referral.routing.service.RoutingService;

/**
 * The referral lifecycle: creates referrals from matched needs, applies status changes and chases; every change
 * writes the referral, its history row and its {@code referral-updated} event in one transaction, and a referral
 * that ends by rejection or recall is re-routed in that same transaction.
 */
@ApplicationScoped
public class ReferralService {

    /** Counter of committed status changes, tagged {@code from} and {@code to}. */
    public static final String TRANSITIONS_METRIC = "careloop.referrals.transitions";

    /** Counter of referrals created and committed, tagged {@code category}. */
    public static final String CREATED_METRIC = ReferralWriter.CREATED_METRIC;

    /** Counter of chases applied to referrals, tagged {@code kind} and {@code outcome} (applied, ignored). */
    public static final String CHASES_METRIC = "careloop.referrals.chases";

    /** Who CareLoop itself is in the status history. */
    public static final String CARELOOP = "careloop";

    /** Reason codes CareLoop sets itself, or its own endpoints do; never given through a status change. */
    static final Set<String> RESERVED_CODES = Set.of(
            StatusReasonCodes.RECALLED_NO_RESPONSE,
            StatusReasonCodes.CONSENT_REVOKED,
            StatusReasonCodes.CONSENT_EXPIRED,
            StatusReasonCodes.DECLINED_AT_REVIEW);

    private final ReferralRepository referrals;
    private final ReferralStatusChangeRepository history;
    private final ReferralWriter writer;
    private final RoutingService routing;
    private final ConsentDecisionRepository decisions;
    private final MeterRegistry meters;

    public ReferralService(
            ReferralRepository referrals,
            ReferralStatusChangeRepository history,
            ReferralWriter writer,
            RoutingService routing,
            ConsentDecisionRepository decisions,
            MeterRegistry meters) {
        this.referrals = referrals;
        this.history = history;
        this.writer = writer;
        this.routing = routing;
        this.decisions = decisions;
        this.meters = meters;
    }

    /**
     * Applies the directory's answer: a {@code requested} referral for every matched need of a consented screening
     * (the need's first attempt), or the next attempt at a need after a fresh match. Joins the consumer's
     * transaction.
     *
     * @param changedBy who caused the creation, for the history (the event's source)
     */
    @WithTransaction
    public Uni<Void> createReferrals(NeedsMatched matched, String changedBy) {
        return routing.onNeedsMatched(matched, changedBy);
    }

    /**
     * Changes a referral's status on behalf of {@code actor}: 400 when the reason, its code or the outcome is wrong,
     * 404 when the referral is unknown or out of the actor's scope, 403 when the actor may not set {@code to}, 409
     * when the lifecycle does not allow the change or a concurrent change won. A rejection starts the next attempt
     * at the need in the same transaction.
     *
     * @return the referral after the change
     */
    public Uni<Referral> changeStatus(UUID id, ReferralStatus to, String reason, Actor actor) {
        return changeStatus(id, new StatusChange(to, reason, null, null), actor);
    }

    /** A requested change: the status, free-text reason, coded reason and coded outcome. */
    public record StatusChange(ReferralStatus to, String reason, String reasonCode, String outcome) {}

    /** As {@link #changeStatus(UUID, ReferralStatus, String, Actor)}, with a coded reason and outcome. */
    public Uni<Referral> changeStatus(UUID id, StatusChange change, Actor actor) {
        StatusChange checked;
        try {
            checked = validate(change);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        // The transaction is opened here rather than with @WithTransaction so that the counter below only counts
        // changes that were committed.
        return Panache.withTransaction(() -> transition(id, checked, actor))
                .invoke(applied -> Counter.builder(TRANSITIONS_METRIC)
                        .description("Committed referral status changes")
                        .tag("from", applied.from().code())
                        .tag("to", checked.to().code())
                        .register(meters)
                        .increment())
                .map(Applied::referral);
    }

    private static StatusChange validate(StatusChange change) {
        String reason = change.reason() == null || change.reason().isBlank()
                ? null
                : change.reason().strip();
        String code = change.reasonCode() == null || change.reasonCode().isBlank()
                ? null
                : change.reasonCode().strip();
        if (code != null && !StatusReasonCodes.isCode(code)) {
            throw ProblemException.badRequest(
                    "reasonCode", "unknown reason code '" + code + "'; must be one of " + StatusReasonCodes.ALL);
        }
        if (code != null && RESERVED_CODES.contains(code)) {
            throw ProblemException.badRequest(
                    "reasonCode",
                    code + " is set by CareLoop (a recall, a consent decision) or by declining a draft at review,"
                            + " not through a status change");
        }
        if (reason == null && code != null) {
            reason = StatusReasonCodes.DISPLAY.get(code);
        }
        if (reason == null && TransitionPolicy.requiresReason(change.to())) {
            throw ProblemException.badRequest(
                    "reason", "is required when the status is " + change.to().code() + " (or give a reasonCode)");
        }
        if (change.outcome() != null && change.to() != ReferralStatus.COMPLETED) {
            throw ProblemException.badRequest("outcome", "may only be given with status completed");
        }
        if (change.outcome() != null && !OutcomeCodes.isCode(change.outcome())) {
            throw ProblemException.badRequest("outcome", "must be one of " + OutcomeCodes.ALL);
        }
        return new StatusChange(change.to(), reason, code, change.outcome());
    }

    /** A committed change: the referral after it and the status before. */
    private record Applied(Referral referral, ReferralStatus from) {}

    private Uni<Applied> transition(UUID id, StatusChange change, Actor actor) {
        ReferralStatus to = change.to();
        return visible(id, actor).call(this::lockPerson).chain(referral -> {
            ReferralStatus from = referral.status();
            switch (TransitionPolicy.check(from, to, actor.partiesFor(referral))) {
                case FORBIDDEN ->
                    throw ProblemException.forbidden("Your role for referral " + id + " does not allow setting status "
                            + to.code() + "; you may set " + settableBy(actor, referral));
                case INVALID_TRANSITION ->
                    throw new ProblemException(
                            409,
                            "invalid-transition",
                            "Invalid status transition",
                            "Referral " + id + " cannot go from " + from.code() + " to " + to.code()
                                    + (TransitionPolicy.isTerminal(from)
                                            ? "; " + from.code() + " is final"
                                            : "; allowed next: " + TransitionPolicy.nextStatuses(from)),
                            null);
                case ALLOWED -> {
                    if (from == ReferralStatus.DRAFT && to == ReferralStatus.REQUESTED) {
                        // Sending checks consent and lets the clinic choose the service: it has its own endpoint.
                        throw ProblemException.conflict(
                                "invalid-transition",
                                "status",
                                "Referral " + id + " is a draft: send it with POST /api/v1/referrals/" + id + "/send");
                    }
                }
            }
            referral.changeStatus(
                    to, change.reason(), change.reasonCode(), change.outcome(), actor.roleFor(referral), now());
            return writer.recordChange(referral, from, actor.name())
                    .chain(changed -> routing.onReferralEnded(changed, actor.name()))
                    .replaceWith(new Applied(referral, from));
        });
    }

    /**
     * Applies a chase of notification-service, in the consumer's transaction: a reminder or an escalation is
     * recorded on the referral (no new version), a recall of a referral still {@code requested} at the version the
     * chase was scheduled for cancels it with {@code recalled-no-response} and re-routes the need. Anything else
     * (an outdated recall, an unknown referral, other kinds) changes nothing.
     */
    @WithTransaction
    public Uni<Void> onChased(ReferralChased chase, String changedBy) {
        return referrals.findById(chase.referralId()).chain(referral -> {
            if (referral == null) {
                Log.infof(
                        "Chase %s (%s) of unknown referral %s ignored",
                        chase.chaseId(), chase.kind(), chase.referralId());
                return counted(chase, false);
            }
            Instant firedAt = chase.firedAt();
            switch (chase.kind()) {
                case ChaseKinds.REMINDER -> {
                    return counted(chase, referral.markReminded(firedAt));
                }
                case ChaseKinds.ESCALATION -> {
                    return counted(chase, referral.markEscalated(firedAt));
                }
                case ChaseKinds.RECALL -> {
                    return lockPerson(referral).chain(() -> recall(chase, referral, changedBy));
                }
                default -> {
                    return counted(chase, false);
                }
            }
        });
    }

    /** A recall of a referral still requested at the version it was scheduled for: cancelled and re-routed. */
    private Uni<Void> recall(ReferralChased chase, Referral referral, String changedBy) {
        if (referral.status() != ReferralStatus.REQUESTED || referral.version() != chase.referralVersion()) {
            Log.infof(
                    "Recall %s of referral %s ignored: it is %s at version %d, the recall was for version %d",
                    chase.chaseId(), referral.id(), referral.status(), referral.version(), chase.referralVersion());
            return counted(chase, false);
        }
        ReferralStatus from = referral.status();
        referral.changeStatus(
                ReferralStatus.CANCELLED,
                "Recalled by CareLoop: not acknowledged in time (due " + chase.dueAt() + ", policy " + chase.policy()
                        + ")",
                StatusReasonCodes.RECALLED_NO_RESPONSE,
                null,
                ActorRoles.SYSTEM,
                now());
        return writer.recordChange(referral, from, changedBy)
                .chain(changed -> routing.onReferralEnded(changed, changedBy))
                .chain(() -> counted(chase, true));
    }

    /** Puts this change in line with every other decision about the same person (consent, routing). */
    private Uni<Void> lockPerson(Referral referral) {
        return decisions.lockPerson(referral.patientId(), referral.requesterOrganizationId());
    }

    private Uni<Void> counted(ReferralChased chase, boolean applied) {
        String kind = chase.kind();
        String outcome = applied ? "applied" : "ignored";
        org.careloop.platform.inbox.AfterCommit.run(() ->
                meters.counter(CHASES_METRIC, "kind", kind, "outcome", outcome).increment());
        return Uni.createFrom().voidItem();
    }

    /** A referral the actor may see. */
    @WithSession
    public Uni<Referral> find(UUID id, Actor actor) {
        return visible(id, actor);
    }

    /** One page of the referrals the criteria's actor may see, newest first. */
    @WithSession
    public Uni<Page<Referral>> search(ReferralCriteria criteria, PageRequest page) {
        return referrals.search(criteria, page);
    }

    /** One page of the status history of a referral the actor may see, oldest first. */
    @WithSession
    public Uni<Page<ReferralStatusChange>> history(UUID id, Actor actor, PageRequest page) {
        return visible(id, actor).chain(referral -> history.findByReferral(referral.id(), page));
    }

    private Uni<Referral> visible(UUID id, Actor actor) {
        return referrals.findById(id).map(referral -> {
            // Out of scope looks exactly like unknown, so ids of other organizations' referrals leak nothing.
            if (referral == null || !actor.canSee(referral)) {
                throw ProblemException.notFound("Referral", id);
            }
            return referral;
        });
    }

    private static Set<ReferralStatus> settableBy(Actor actor, Referral referral) {
        Set<ReferralStatus> settable = EnumSet.noneOf(ReferralStatus.class);
        actor.partiesFor(referral).forEach(p -> settable.addAll(TransitionPolicy.settableBy(p)));
        return settable;
    }

    private static Instant now() {
        return ReferralWriter.now();
    }
}
