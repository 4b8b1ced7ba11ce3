package org.careloop.referral.lifecycle.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.inbox.PoisonMessageException;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.referral.lifecycle.Actor;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralCriteria;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.lifecycle.ReferralStatusChange;
import org.careloop.referral.lifecycle.TransitionPolicy;
import org.careloop.referral.lifecycle.repository.ReferralRepository;
import org.careloop.referral.lifecycle.repository.ReferralStatusChangeRepository;
import org.hibernate.StaleStateException;

/**
 * The referral lifecycle: creates referrals from matched needs and applies status changes; every change writes the
 * referral, its history row and its {@code referral-updated} event in one transaction.
 */
@ApplicationScoped
public class ReferralService {

    /** Counter of committed status changes, tagged {@code from} and {@code to}. */
    public static final String TRANSITIONS_METRIC = "careloop.referrals.transitions";

    /** Counter of referrals created from matched needs and committed, tagged {@code category}. */
    public static final String CREATED_METRIC = "careloop.referrals.created";

    private final ReferralRepository referrals;
    private final ReferralStatusChangeRepository history;
    private final EventOutbox outbox;
    private final MeterRegistry meters;

    public ReferralService(
            ReferralRepository referrals,
            ReferralStatusChangeRepository history,
            EventOutbox outbox,
            MeterRegistry meters) {
        this.referrals = referrals;
        this.history = history;
        this.outbox = outbox;
        this.meters = meters;
    }

    /**
     * Creates a {@code requested} referral for every matched need of a screening whose patient consented to share,
     * skipping needs that already have a referral to the same organization. Joins the consumer's transaction.
     *
     * @param changedBy who caused the creation, for the history (the event's source)
     */
    @WithTransaction
    public Uni<Void> createReferrals(NeedsMatched matched, String changedBy) {
        if (!matched.consentToShare()) {
            Log.infof("Screening %s: no consent to share, no referral created", matched.screeningId());
            return Uni.createFrom().voidItem();
        }
        for (NeedsMatched.Match match : matched.matches()) {
            if (match.matched()
                    && (match.organizationId() == null || match.organizationId().isBlank())) {
                throw new PoisonMessageException("Screening " + matched.screeningId() + ": need " + match.needId()
                        + " is matched to service " + match.serviceId() + " without an organizationId");
            }
        }
        Uni<Void> creations = Uni.createFrom().voidItem();
        Set<String> planned = new HashSet<>();
        for (NeedsMatched.Match match : matched.matches()) {
            if (!match.matched()) {
                // A later issue routes these to coordinator work queues.
                Log.infof(
                        "Screening %s: need %s (%s) has no matching service, no referral created",
                        matched.screeningId(), match.needId(), match.category());
                continue;
            }
            if (planned.add(match.needId() + "|" + match.organizationId())) {
                creations = creations.chain(() -> createReferral(matched, match, changedBy));
            }
        }
        return creations;
    }

    private Uni<Void> createReferral(NeedsMatched matched, NeedsMatched.Match match, String changedBy) {
        return referrals
                .existsForNeedAndOwner(match.needId(), match.organizationId())
                .chain(exists -> {
                    if (exists) {
                        Log.infof(
                                "Screening %s: need %s already has a referral to %s, skipped",
                                matched.screeningId(), match.needId(), match.organizationId());
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = now();
                    Referral referral = Referral.requested(
                            matched.screeningId(),
                            match.needId(),
                            matched.patientId(),
                            match.category(),
                            matched.requesterOrganizationId(),
                            match.organizationId(),
                            match.serviceId(),
                            now);
                    return referrals
                            .persist(referral)
                            .chain(() -> history.persist(new ReferralStatusChange(
                                    referral.id(), referral.version(), null, referral.status(), null, changedBy, now)))
                            .chain(() -> publish(referral, null))
                            .invoke(() -> {
                                Log.infof(
                                        "Referral %s created for need %s of screening %s, assigned to %s",
                                        referral.id(), match.needId(), matched.screeningId(), match.organizationId());
                                AfterCommit.run(() -> meters.counter(CREATED_METRIC, "category", match.category())
                                        .increment());
                            });
                });
    }

    /**
     * Changes a referral's status on behalf of {@code actor}: 400 when a required reason is missing, 404 when the
     * referral is unknown or out of the actor's scope, 403 when the actor may not set {@code to}, 409 when the
     * lifecycle does not allow the change or a concurrent change won.
     *
     * @return the referral after the change
     */
    public Uni<Referral> changeStatus(UUID id, ReferralStatus to, String reason, Actor actor) {
        String statusReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (statusReason == null && TransitionPolicy.requiresReason(to)) {
            return Uni.createFrom()
                    .failure(ProblemException.badRequest("reason", "is required when the status is " + to.code()));
        }
        // The transaction is opened here rather than with @WithTransaction so that the counter below only counts
        // changes that were committed.
        return Panache.withTransaction(() -> transition(id, to, statusReason, actor))
                .invoke(applied -> Counter.builder(TRANSITIONS_METRIC)
                        .description("Committed referral status changes")
                        .tag("from", applied.from().code())
                        .tag("to", to.code())
                        .register(meters)
                        .increment())
                .map(Applied::referral);
    }

    /** A committed change: the referral after it and the status before. */
    private record Applied(Referral referral, ReferralStatus from) {}

    private Uni<Applied> transition(UUID id, ReferralStatus to, String reason, Actor actor) {
        return visible(id, actor).chain(referral -> {
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
                case ALLOWED -> {}
            }
            Instant now = now();
            referral.changeStatus(to, reason, now);
            // Flushing now runs "update ... where version = ?" at once: a concurrent change that committed first
            // makes it match no row, and one still in flight holds the row lock until it commits.
            return referrals
                    .flush()
                    .onFailure(ReferralService::isConcurrentChange)
                    .transform(f -> concurrentChange(id))
                    .chain(() -> {
                        ReferralStatusChange change =
                                new ReferralStatusChange(id, referral.version(), from, to, reason, actor.name(), now);
                        return history.persist(change)
                                .chain(() -> publish(referral, from))
                                .invoke(() -> Log.infof(
                                        "Referral %s: %s -> %s (version %d) by %s",
                                        id, from, to, referral.version(), actor.name()))
                                .replaceWith(new Applied(referral, from));
                    });
        });
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

    private Uni<Void> publish(Referral referral, ReferralStatus previous) {
        ReferralUpdated data = new ReferralUpdated(
                referral.id(),
                referral.version(),
                referral.status().code(),
                previous == null ? null : previous.code(),
                referral.statusReason(),
                referral.screeningId(),
                referral.needId(),
                referral.patientId(),
                referral.category(),
                referral.requesterOrganizationId(),
                referral.ownerOrganizationId(),
                referral.serviceId(),
                referral.updatedAt());
        return outbox.append(
                        Topics.REFERRAL_UPDATED,
                        EventTypes.REFERRAL_UPDATED,
                        referral.id().toString(),
                        data)
                .replaceWithVoid();
    }

    private static Set<ReferralStatus> settableBy(Actor actor, Referral referral) {
        Set<ReferralStatus> settable = EnumSet.noneOf(ReferralStatus.class);
        actor.partiesFor(referral).forEach(p -> settable.addAll(TransitionPolicy.settableBy(p)));
        return settable;
    }

    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException concurrentChange(UUID id) {
        return ProblemException.conflict(
                "concurrent-update", "Referral " + id + " was changed concurrently; read it again and retry");
    }

    // The database keeps microseconds: truncating here keeps the API, the events and the rows identical.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
