package org.careloop.referral.routing.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.referral.consent.repository.ConsentDecisionRepository;
import org.careloop.referral.directory.repository.KnownServiceRepository;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.repository.ReferralRepository;
import org.careloop.referral.lifecycle.service.ReferralWriter;
import org.careloop.referral.routing.NeedRouting;
import org.careloop.referral.routing.QueueReasons;
import org.careloop.referral.routing.RoutingState;
import org.careloop.referral.routing.repository.NeedRoutingRepository;

/**
 * The coordinators' work queue: needs nothing is left to try for automatically. A coordinator claims one, then assigns
 * it to a service by hand (the next attempt) or closes it; a need claimed by one coordinator is not changed by another.
 */
@ApplicationScoped
public class WorkQueueService {

    private final NeedRoutingRepository routings;
    private final ReferralRepository referrals;
    private final KnownServiceRepository services;
    private final ConsentDecisionRepository decisions;
    private final RoutingService routing;

    public WorkQueueService(
            NeedRoutingRepository routings,
            ReferralRepository referrals,
            KnownServiceRepository services,
            ConsentDecisionRepository decisions,
            RoutingService routing) {
        this.routings = routings;
        this.referrals = referrals;
        this.services = services;
        this.decisions = decisions;
        this.routing = routing;
    }

    /** A queued need and every attempt made at it. */
    public record Entry(NeedRouting routing, List<Referral> attempts) {}

    /** One page of the queue, longest waiting first; {@code claimed} null for claimed and unclaimed alike. */
    @WithSession
    public Uni<Page<NeedRouting>> queue(String category, Boolean claimed, PageRequest page) {
        return routings.queue(category, claimed, page);
    }

    /**
     * Claims a queued need for {@code coordinator}, so that the others see it is being worked on. Claiming again is
     * harmless; a need claimed by another coordinator is a 409 naming {@code needId} (they release it first).
     */
    @WithTransaction
    public Uni<NeedRouting> claim(UUID needId, String coordinator) {
        return routings.lock(needId).map(found -> {
            NeedRouting queued = unclaimedOrMine(needId, queued(needId, found, true), coordinator);
            if (queued.claimedBy() == null) {
                queued.claimed(coordinator, ReferralWriter.now());
                Log.infof("Need %s claimed by %s in the work queue", needId, coordinator);
            }
            return queued;
        });
    }

    /** Releases the claim on a queued need (whoever holds it: releasing is an explicit act); harmless when none. */
    @WithTransaction
    public Uni<NeedRouting> release(UUID needId, String coordinator) {
        return routings.lock(needId).map(found -> {
            NeedRouting queued = queued(needId, found, true);
            if (queued.claimedBy() != null) {
                Log.infof(
                        "Need %s released by %s in the work queue (claimed by %s)",
                        needId, coordinator, queued.claimedBy());
                queued.released(ReferralWriter.now());
            }
            return queued;
        });
    }

    /** A need in the queue with its attempts; 404 naming {@code needId} when it is not in the queue. */
    @WithSession
    public Uni<Entry> entry(UUID needId) {
        return routings.findById(needId).chain(found -> {
            queued(needId, found, false);
            return referrals.findByNeed(needId).map(attempts -> new Entry(found, attempts));
        });
    }

    /**
     * Assigns a queued need to a service by hand: the next attempt, a {@code requested} referral to the service's
     * organization. 404 naming {@code needId} or {@code serviceId} when unknown, 409 naming {@code needId} when the
     * need is not in the queue (any more) or {@code serviceId} when the service is not active or the person's consent
     * does not cover its organization.
     */
    @WithTransaction
    public Uni<Referral> assign(UUID needId, String serviceId, String coordinator) {
        // The person's lock comes before the need's, as everywhere: a consent change about them waits, or went first.
        return routings.personOf(needId)
                .chain(person -> person == null
                        ? Uni.createFrom().voidItem()
                        : decisions.lockPerson(person.patientId(), person.requesterOrganizationId()))
                .chain(() -> routings.lock(needId))
                .chain(found -> {
                    NeedRouting queued = unclaimedOrMine(needId, queued(needId, found, true), coordinator);
                    return services.findById(serviceId).chain(service -> {
                        if (service == null) {
                            throw ProblemException.notFound("serviceId", "Service", serviceId);
                        }
                        if (!service.isActive()) {
                            throw ProblemException.conflict(
                                    "service-not-active",
                                    "serviceId",
                                    "Service " + serviceId + " is " + service.serviceStatus() + ", not active");
                        }
                        return routing.scope(queued).chain(scope -> {
                            if (!scope.covers(service.organizationId())) {
                                throw ProblemException.conflict(
                                        "consent-not-covered",
                                        "serviceId",
                                        "The person's consent does not cover " + service.organizationId()
                                                + ", which runs service " + serviceId);
                            }
                            Log.infof(
                                    "Need %s assigned by %s to %s (%s) from the work queue",
                                    needId, coordinator, serviceId, service.organizationId());
                            return routing.attemptReferral(
                                    queued,
                                    queued.currentReferralId(),
                                    serviceId,
                                    service.organizationId(),
                                    ActorRoles.COORDINATOR,
                                    "assigned",
                                    coordinator);
                        });
                    });
                });
    }

    /** Closes a queued need: nobody will be referred for it any more (the person declined, moved, was helped). */
    @WithTransaction
    public Uni<NeedRouting> close(UUID needId, String reason, String coordinator) {
        return routings.lock(needId).map(found -> {
            NeedRouting queued = unclaimedOrMine(needId, queued(needId, found, true), coordinator);
            queued.closed(QueueReasons.CLOSED_BY_COORDINATOR, reason, ReferralWriter.now());
            Log.infof("Need %s closed by %s from the work queue", needId, coordinator);
            return queued;
        });
    }

    private static NeedRouting unclaimedOrMine(UUID needId, NeedRouting queued, String coordinator) {
        if (queued.claimedByAnotherThan(coordinator)) {
            throw ProblemException.conflict(
                    "claimed",
                    "needId",
                    "Need " + needId + " is claimed by " + queued.claimedBy() + " since " + queued.claimedAt()
                            + "; it must be released first");
        }
        return queued;
    }

    private static NeedRouting queued(UUID needId, NeedRouting found, boolean changing) {
        if (found == null) {
            throw ProblemException.notFound("needId", "Need", needId);
        }
        if (found.state() != RoutingState.QUEUED) {
            String detail = "Need " + needId + " is not in the work queue: it is "
                    + found.state().name().toLowerCase(java.util.Locale.ROOT);
            if (changing) {
                throw ProblemException.conflict("not-queued", "needId", detail);
            }
            throw new ProblemException(
                    404,
                    "not-found",
                    "Not found",
                    detail,
                    List.of(new org.careloop.platform.problem.Problem.FieldError("needId", detail)));
        }
        return found;
    }
}
