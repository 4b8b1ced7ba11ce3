package org.careloop.directory.holds.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.directory.availability.service.AvailabilityPublisher;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.holds.repository.HoldRepository;

/**
 * Housekeeping of availability: gives back the places of tentative holds that no referral claimed in time (the
 * referral service skipped the candidate, or never got the match), and publishes once the availability of services
 * that predate {@code capacity-changed}, so that consumers' replicas know every service. Safe with several instances:
 * each batch locks its services and re-checks under the lock.
 */
@ApplicationScoped
public class HoldHousekeeping {

    private final HoldRepository holdRepository;
    private final HoldService holds;
    private final ServiceRepository services;
    private final AvailabilityPublisher publisher;
    private final DirectoryConfig config;

    public HoldHousekeeping(
            HoldRepository holdRepository,
            HoldService holds,
            ServiceRepository services,
            AvailabilityPublisher publisher,
            DirectoryConfig config) {
        this.holdRepository = holdRepository;
        this.holds = holds;
        this.services = services;
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(
            identity = "careloop-directory-holds",
            every = "${careloop.directory.holds.expiry-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return expireDue(Instant.now())
                .chain(() -> publishUnpublished(Instant.now()))
                .onFailure()
                .invoke(failure -> Log.warnf(failure, "Hold housekeeping failed; it runs again shortly"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Expires one batch of unclaimed tentative holds due at {@code now} and publishes the places they give back.
     *
     * @return how many holds expired
     */
    public Uni<Integer> expireDue(Instant now) {
        int batch = config.holds().expiryBatchSize();
        return Panache.withTransaction(() -> holdRepository
                .findServicesWithDueHolds(now, batch)
                .chain(ids -> ids.isEmpty()
                        ? Uni.createFrom().item(0)
                        : services.lockByIds(ids)
                                .chain(locked -> holds.expire(ids, now))
                                .chain(released -> publisher
                                        .publish(released.keySet(), CapacityCauses.RELEASE, now)
                                        .replaceWith(released.values().stream()
                                                .mapToInt(Integer::intValue)
                                                .sum()))));
    }

    /**
     * Publishes the availability of one batch of services never published (rows from before {@code capacity-changed}
     * existed); new services are published by the import that creates them.
     *
     * @return how many services were published
     */
    public Uni<Integer> publishUnpublished(Instant now) {
        int batch = config.holds().expiryBatchSize();
        return Panache.withTransaction(() -> services.findUnpublishedIds(batch)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Service>of()) : services.lockByIds(ids))
                .chain(locked -> {
                    // Another instance may have published some while this one waited for the locks.
                    List<String> still = locked.stream()
                            .filter(s -> s.capacityVersion == 0)
                            .map(s -> s.id)
                            .toList();
                    return publisher
                            .publish(still, CapacityCauses.IMPORT, now)
                            .invoke(() -> {
                                if (!still.isEmpty()) {
                                    Log.infof(
                                            "Published the availability of %d services listed before"
                                                    + " capacity-changed",
                                            still.size());
                                }
                            })
                            .replaceWith(still.size());
                }));
    }
}
