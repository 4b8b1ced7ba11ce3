package org.careloop.referral.review.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.StatusReasonCodes;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.problem.ProblemException;
import org.careloop.referral.consent.ConsentScope;
import org.careloop.referral.consent.repository.ConsentDecisionRepository;
import org.careloop.referral.directory.KnownService;
import org.careloop.referral.directory.repository.KnownServiceRepository;
import org.careloop.referral.lifecycle.Actor;
import org.careloop.referral.lifecycle.Party;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.lifecycle.repository.ReferralRepository;
import org.careloop.referral.lifecycle.service.ReferralWriter;
import org.careloop.referral.routing.NeedRouting;
import org.careloop.referral.routing.RoutingCandidate;
import org.careloop.referral.routing.repository.NeedRoutingRepository;
import org.careloop.referral.routing.repository.RoutingCandidateRepository;
import org.careloop.referral.routing.service.RoutingService;

/**
 * Drafts the requesting clinic reviews with the person: it sees the need's ranked candidates, then sends the draft (to
 * the proposed service or another one the person's consent covers) or declines it, which closes the need. Only the
 * clinic that requested a draft sees and reviews it; everyone else gets 404.
 */
@ApplicationScoped
public class ReviewService {

    /** Counter of reviewed drafts, tagged {@code decision}: sent, sent-elsewhere, declined. */
    public static final String REVIEWED_METRIC = "careloop.referrals.reviewed";

    private final ReferralRepository referrals;
    private final NeedRoutingRepository routings;
    private final RoutingCandidateRepository candidates;
    private final KnownServiceRepository services;
    private final ConsentDecisionRepository decisions;
    private final RoutingService routing;
    private final ReferralWriter writer;
    private final MeterRegistry meters;

    public ReviewService(
            ReferralRepository referrals,
            NeedRoutingRepository routings,
            RoutingCandidateRepository candidates,
            KnownServiceRepository services,
            ConsentDecisionRepository decisions,
            RoutingService routing,
            ReferralWriter writer,
            MeterRegistry meters) {
        this.referrals = referrals;
        this.routings = routings;
        this.candidates = candidates;
        this.services = services;
        this.decisions = decisions;
        this.routing = routing;
        this.writer = writer;
        this.meters = meters;
    }

    /**
     * One ranked candidate of a need, as the reviewing clinic sees it.
     *
     * @param offered the directory's candidate (match round, rank, reason, places and score when matched)
     * @param known the replica's current view of its service, null when unknown
     * @param proposed whether the draft proposes it now
     * @param tried whether an earlier attempt at the need went to its organization
     * @param consented whether the person's consent covers its organization
     */
    public record Candidate(
            RoutingCandidate offered, KnownService known, boolean proposed, boolean tried, boolean consented) {}

    /** The candidates of a referral's need, in the directory's order. */
    public record Candidates(Referral referral, boolean sensitive, List<Candidate> items) {}

    /** The ranked candidates of a referral's need; for the requesting clinic and coordinators (404 for others). */
    @WithSession
    public Uni<Candidates> candidates(UUID id, Actor actor) {
        return reviewable(id, actor, Party.REQUESTER, Party.COORDINATOR)
                .chain(referral -> routings.findById(referral.needId()).chain(need -> scope(need, referral)
                        .chain(scope -> routing.tried(referral.needId()).chain(tried -> candidates
                                .findByNeed(referral.needId())
                                .chain(offered -> services.findByIds(offered.stream()
                                                .map(RoutingCandidate::serviceId)
                                                .toList())
                                        .map(known -> {
                                            List<Candidate> items = new ArrayList<>();
                                            for (RoutingCandidate c : offered) {
                                                boolean proposed = c.serviceId().equals(referral.serviceId());
                                                boolean triedBefore = !proposed
                                                        && tried.organizations().contains(c.organizationId());
                                                items.add(new Candidate(
                                                        c,
                                                        known.get(c.serviceId()),
                                                        proposed,
                                                        triedBefore,
                                                        scope.covers(c.organizationId())));
                                            }
                                            return new Candidates(referral, need != null && need.sensitive(), items);
                                        }))))));
    }

    /**
     * Sends a draft: to its proposed service when {@code serviceId} is null, else to that service (one of the need's
     * candidates, or any active service the directory lists). 404 when the caller is not the requesting clinic, 409
     * naming {@code status} when it is not a draft, 404 naming {@code serviceId} when the service is unknown, 409
     * naming {@code serviceId} when it is not active or the person's consent does not cover its organization.
     */
    @WithTransaction
    public Uni<Referral> send(UUID id, String serviceId, Actor actor) {
        return reviewable(id, actor, Party.REQUESTER)
                .call(this::lockPerson)
                .invoke(ReviewService::requireDraft)
                .chain(referral -> routings.lock(referral.needId()).chain(need -> target(referral, serviceId)
                        .chain(target -> scope(need, referral).chain(scope -> {
                            if (!scope.covers(target.organizationId())) {
                                throw ProblemException.conflict(
                                        "consent-not-covered",
                                        "serviceId",
                                        "The person's consent does not cover " + target.organizationId()
                                                + ", which runs service " + target.serviceId());
                            }
                            String decision =
                                    target.serviceId().equals(referral.serviceId()) ? "sent" : "sent-elsewhere";
                            ReferralStatus from =
                                    referral.send(target.serviceId(), target.organizationId(), ReferralWriter.now());
                            AfterCommit.run(() -> meters.counter(REVIEWED_METRIC, "decision", decision)
                                    .increment());
                            Log.infof(
                                    "Draft %s (need %s) sent by %s to %s (%s)",
                                    referral.id(),
                                    referral.needId(),
                                    actor.name(),
                                    target.organizationId(),
                                    target.serviceId());
                            return writer.recordChange(referral, from, actor.name());
                        }))));
    }

    /**
     * Declines a draft at review: it is cancelled ({@code declined-at-review}, by the requester) and its need closed; no
     * other organization is tried. Same 404 and 409 as {@link #send}.
     */
    @WithTransaction
    public Uni<Referral> decline(UUID id, String reason, Actor actor) {
        return reviewable(id, actor, Party.REQUESTER)
                .call(this::lockPerson)
                .invoke(ReviewService::requireDraft)
                .chain(referral -> {
                    String text = reason == null || reason.isBlank()
                            ? StatusReasonCodes.DISPLAY.get(StatusReasonCodes.DECLINED_AT_REVIEW)
                            : reason.strip();
                    ReferralStatus from = referral.changeStatus(
                            ReferralStatus.CANCELLED,
                            text,
                            StatusReasonCodes.DECLINED_AT_REVIEW,
                            null,
                            ActorRoles.REQUESTER,
                            ReferralWriter.now());
                    AfterCommit.run(() -> meters.counter(REVIEWED_METRIC, "decision", "declined")
                            .increment());
                    Log.infof(
                            "Draft %s (need %s) declined at review by %s",
                            referral.id(), referral.needId(), actor.name());
                    return writer.recordChange(referral, from, actor.name())
                            .call(changed -> routing.onReferralEnded(changed, actor.name()));
                });
    }

    /** Where a draft goes: its proposal, a candidate of its need, or a service the directory lists. */
    private record Target(String serviceId, String organizationId) {}

    private Uni<Target> target(Referral referral, String serviceId) {
        if (serviceId == null || serviceId.equals(referral.serviceId())) {
            return Uni.createFrom().item(new Target(referral.serviceId(), referral.ownerOrganizationId()));
        }
        return candidates.findByNeed(referral.needId()).chain(offered -> services.findByIds(List.of(serviceId))
                .map(known -> {
                    KnownService service = known.get(serviceId);
                    Optional<RoutingCandidate> candidate = offered.stream()
                            .filter(c -> c.serviceId().equals(serviceId))
                            .findFirst();
                    if (candidate.isEmpty() && service == null) {
                        throw ProblemException.notFound("serviceId", "Service", serviceId);
                    }
                    if (service != null && !service.isActive()) {
                        throw ProblemException.conflict(
                                "service-not-active",
                                "serviceId",
                                "Service " + serviceId + " is " + service.serviceStatus() + ", not active");
                    }
                    // The replica is the directory's latest word on who runs the service.
                    String organization = service != null
                            ? service.organizationId()
                            : candidate.get().organizationId();
                    return new Target(serviceId, organization);
                }));
    }

    private Uni<ConsentScope> scope(NeedRouting need, Referral referral) {
        if (need != null) {
            return routing.scope(need);
        }
        return decisions
                .current(referral.patientId(), referral.requesterOrganizationId())
                .map(current -> new ConsentScope(null, current.orElse(null), ReferralWriter.now()));
    }

    /** A referral the caller plays one of {@code parts} for; any other looks unknown (404), as elsewhere. */
    private Uni<Referral> reviewable(UUID id, Actor actor, Party... parts) {
        return referrals.findById(id).map(referral -> {
            if (referral == null || !playsAny(actor, referral, parts)) {
                throw ProblemException.notFound("Referral", id);
            }
            return referral;
        });
    }

    private static boolean playsAny(Actor actor, Referral referral, Party... parts) {
        var played = actor.partiesFor(referral);
        for (Party part : parts) {
            if (played.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> lockPerson(Referral referral) {
        return decisions.lockPerson(referral.patientId(), referral.requesterOrganizationId());
    }

    private static void requireDraft(Referral referral) {
        if (referral.status() != ReferralStatus.DRAFT) {
            throw ProblemException.conflict(
                    "not-draft",
                    "status",
                    "Referral " + referral.id() + " is " + referral.status().code()
                            + ", not a draft: only drafts are sent or declined at review");
        }
    }
}
