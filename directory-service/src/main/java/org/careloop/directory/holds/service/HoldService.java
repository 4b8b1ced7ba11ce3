package org.careloop.directory.holds.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.repository.ServiceCapacityRepository;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.holds.CapacityHold;
import org.careloop.directory.holds.HoldOrigin;
import org.careloop.directory.holds.HoldState;
import org.careloop.directory.holds.HoldTransition;
import org.careloop.directory.holds.HoldTransitions;
import org.careloop.directory.holds.repository.HoldRepository;
import org.careloop.platform.inbox.AfterCommit;

/**
 * Takes, moves and gives back held places, keeping each capacity's {@code held} equal to its service's open holds.
 * Every method expects the caller to hold the lock of the services involved (see
 * {@code ServiceRepository.lockByIds}) and to publish the availability that changed.
 */
@ApplicationScoped
public class HoldService {

    /** Counter of hold transitions, tagged {@code transition}: taken, firmed, released, expired. */
    public static final String METRIC = "careloop.holds";

    /** Release reason of a hold no referral claimed in time. */
    public static final String EXPIRED = "expired";

    private final HoldRepository holds;
    private final ServiceCapacityRepository capacities;
    private final DirectoryConfig config;
    private final MeterRegistry meters;

    public HoldService(
            HoldRepository holds, ServiceCapacityRepository capacities, DirectoryConfig config, MeterRegistry meters) {
        this.holds = holds;
        this.capacities = capacities;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Holds a place for a matched need, tentatively, until a referral claims it or it expires. A need matched to the
     * same service again reuses its open unclaimed hold.
     *
     * @return true when a new place was taken (the service's availability changed)
     */
    public Uni<Boolean> take(
            String serviceId, UUID needId, UUID screeningId, String category, UUID matchRequestId, Instant now) {
        return holds.findOpenUnclaimed(needId, serviceId).chain(existing -> {
            if (existing != null) {
                Log.debugf("Need %s already holds a place at %s (hold %s)", needId, serviceId, existing.id);
                return Uni.createFrom().item(false);
            }
            CapacityHold hold = new CapacityHold();
            hold.id = UUID.randomUUID();
            hold.serviceId = serviceId;
            hold.needId = needId;
            hold.screeningId = screeningId;
            hold.category = category;
            hold.state = HoldState.TENTATIVE;
            hold.origin = HoldOrigin.MATCH;
            hold.matchRequestId = matchRequestId;
            hold.createdAt = now;
            hold.updatedAt = now;
            hold.expiresAt = now.plus(config.holds().unclaimedTtl());
            return holds.persist(hold)
                    .chain(() -> adjustHeld(serviceId, 1))
                    .invoke(() -> {
                        count("taken");
                        Log.infof("Hold %s: a place at %s for need %s (tentative)", hold.id, serviceId, needId);
                    })
                    .replaceWith(true);
        });
    }

    /**
     * What a referral event did to its hold.
     *
     * @param hold the referral's hold after the event, null when the referral needs none (a draft)
     * @param transition the transition; {@code apply} false when the event was stale
     * @param previousStatus the referral status applied before this event, null when none
     */
    public record Applied(CapacityHold hold, HoldTransition transition, String previousStatus) {}

    /**
     * Applies a {@code referral-updated} to the hold of its referral: found by referral id, or for the referral's first
     * event the open unclaimed hold of its (need, service), or else a new one (a re-route or a coordinator's
     * assignment, counted against capacity, available clamped at 0). Versions at or below the last one applied change
     * nothing; a released hold never opens again.
     */
    public Uni<Applied> apply(ReferralUpdated event, Instant now) {
        return holds.findByReferral(event.referralId())
                .chain(hold -> hold != null
                        ? Uni.createFrom().item(hold)
                        : holds.findOpenUnclaimed(event.needId(), event.serviceId()))
                .chain(found -> {
                    HoldState current = found == null ? null : found.state;
                    Long lastVersion = found == null ? null : found.referralVersion;
                    HoldTransition transition =
                            HoldTransitions.decide(current, lastVersion, event.version(), event.status());
                    if (!transition.apply()) {
                        return Uni.createFrom().item(new Applied(found, transition, found.referralStatus));
                    }
                    if (found == null && transition.to() == null) {
                        return Uni.createFrom().item(new Applied(null, transition, null));
                    }
                    String previousStatus = found == null ? null : found.referralStatus;
                    CapacityHold hold = found != null ? found : newReferralHold(event, now);
                    if (hold.referralId == null) {
                        // Claimed: a referral now answers for the place, so it no longer expires.
                        hold.referralId = event.referralId();
                        hold.expiresAt = null;
                    }
                    hold.referralVersion = event.version();
                    hold.referralStatus = event.status();
                    hold.moveTo(transition.to(), event.status(), now);
                    Uni<?> write = found == null
                            ? holds.persist(hold)
                            : Uni.createFrom().voidItem();
                    return write.chain(() -> adjustHeld(hold.serviceId, transition.heldDelta()))
                            .invoke(() -> logTransition(event, hold, transition))
                            .replaceWith(new Applied(hold, transition, previousStatus));
                });
    }

    /** A hold for a referral that found none to claim; its state is set by the transition that follows. */
    private static CapacityHold newReferralHold(ReferralUpdated event, Instant now) {
        CapacityHold hold = new CapacityHold();
        hold.id = UUID.randomUUID();
        hold.serviceId = event.serviceId();
        hold.needId = event.needId();
        hold.screeningId = event.screeningId();
        hold.category = event.category();
        hold.origin = HoldOrigin.REFERRAL;
        hold.createdAt = now;
        hold.updatedAt = now;
        return hold;
    }

    private void logTransition(ReferralUpdated event, CapacityHold hold, HoldTransition transition) {
        if (!transition.changesState()) {
            Log.debugf(
                    "Hold %s: referral %s v%d (%s) leaves it %s",
                    hold.id, event.referralId(), event.version(), event.status(), hold.state);
            return;
        }
        String what =
                switch (transition.to()) {
                    case TENTATIVE -> "taken";
                    case FIRM -> transition.from() == null ? "taken" : "firmed";
                    case RELEASED -> transition.from() == null ? "recorded" : "released";
                };
        if (!what.equals("recorded")) {
            count(what);
        }
        Log.infof(
                "Hold %s at %s: %s -> %s by referral %s v%d (%s)",
                hold.id,
                hold.serviceId,
                transition.from() == null ? "none" : transition.from(),
                transition.to(),
                event.referralId(),
                event.version(),
                event.status());
    }

    /**
     * Gives back the places of the unclaimed tentative holds of some (locked) services that are due at {@code now}.
     *
     * @return places given back per service, by service id
     */
    public Uni<Map<String, Integer>> expire(Collection<String> serviceIds, Instant now) {
        return holds.findDue(serviceIds, now).chain(due -> {
            Map<String, Integer> released = new TreeMap<>();
            for (CapacityHold hold : due) {
                hold.moveTo(HoldState.RELEASED, EXPIRED, now);
                released.merge(hold.serviceId, 1, Integer::sum);
                count(EXPIRED);
                Log.infof(
                        "Hold %s at %s for need %s expired: no referral claimed it since %s",
                        hold.id, hold.serviceId, hold.needId, hold.createdAt);
            }
            List<Map.Entry<String, Integer>> entries = List.copyOf(released.entrySet());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<String, Integer> e : entries) {
                chain = chain.chain(() -> adjustHeld(e.getKey(), -e.getValue()));
            }
            return chain.replaceWith(released);
        });
    }

    /** Moves the service's held counter; a service without published capacity has none (holds are still kept). */
    private Uni<Void> adjustHeld(String serviceId, int delta) {
        if (delta == 0) {
            return Uni.createFrom().voidItem();
        }
        return capacities
                .findByServiceId(serviceId)
                .invoke(capacity -> adjust(capacity, serviceId, delta))
                .replaceWithVoid();
    }

    private static void adjust(ServiceCapacity capacity, String serviceId, int delta) {
        if (capacity == null) {
            return;
        }
        int held = capacity.held + delta;
        if (held < 0) {
            // Cannot happen while every change runs under the service's lock; never let places go negative anyway.
            Log.warnf("Capacity of %s would hold %d places; kept at 0", serviceId, held);
            held = 0;
        }
        capacity.held = held;
    }

    private void count(String transition) {
        AfterCommit.run(() -> meters.counter(METRIC, "transition", transition).increment());
    }
}
