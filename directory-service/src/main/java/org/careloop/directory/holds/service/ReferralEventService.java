package org.careloop.directory.holds.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.directory.availability.service.AvailabilityPublisher;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.responsiveness.service.ResponsivenessService;

/**
 * Applies a {@code referral-updated} to the directory: the place its referral holds at the service, what it says about
 * the organization's responsiveness, and a {@code capacity-changed} when a place was taken or given back. All in the
 * consumer's transaction, with the service locked.
 */
@ApplicationScoped
public class ReferralEventService {

    private final ServiceRepository services;
    private final HoldService holds;
    private final ResponsivenessService responsiveness;
    private final AvailabilityPublisher publisher;

    public ReferralEventService(
            ServiceRepository services,
            HoldService holds,
            ResponsivenessService responsiveness,
            AvailabilityPublisher publisher) {
        this.services = services;
        this.holds = holds;
        this.responsiveness = responsiveness;
        this.publisher = publisher;
    }

    @WithTransaction
    public Uni<Void> apply(ReferralUpdated event) {
        if (event.serviceId() == null) {
            Log.debugf("Referral %s v%d names no service: nothing held", event.referralId(), event.version());
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return services.lockById(event.serviceId()).chain(service -> {
            if (service == null) {
                Log.infof(
                        "Referral %s v%d names service %s, which the directory does not list: ignored",
                        event.referralId(), event.version(), event.serviceId());
                return Uni.createFrom().voidItem();
            }
            return holds.apply(event, now).chain(applied -> {
                if (!applied.transition().apply()) {
                    Log.infof(
                            "Referral %s v%d (%s) ignored: %s",
                            event.referralId(),
                            event.version(),
                            event.status(),
                            applied.transition().ignoredBecause());
                    return Uni.createFrom().voidItem();
                }
                if (applied.hold() == null) {
                    return Uni.createFrom().voidItem();
                }
                int delta = applied.transition().heldDelta();
                return responsiveness
                        .learn(event, applied.hold(), applied.previousStatus(), now)
                        .chain(() -> delta == 0
                                ? Uni.createFrom().voidItem()
                                : publisher.publish(
                                        List.of(applied.hold().serviceId),
                                        delta > 0 ? CapacityCauses.HOLD : CapacityCauses.RELEASE,
                                        now));
            });
        });
    }
}
