package org.careloop.directory.availability.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.repository.ServiceCapacityRepository;
import org.careloop.directory.catalog.repository.ServiceCategoryRepository;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.holds.repository.HoldRepository;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.outbox.EventOutbox;

/**
 * Publishes {@code capacity-changed} for services whose availability changed in the current transaction: each gets its
 * version raised by one and an event with its state as this transaction leaves it. Services are handled in id order,
 * because the outbox locks each event key until commit: two transactions publishing for the same services then take
 * those locks in the same order.
 */
@ApplicationScoped
public class AvailabilityPublisher {

    /** Counter of capacity-changed events written, tagged {@code cause}. */
    public static final String METRIC = "careloop.capacity.changes";

    private final ServiceRepository services;
    private final ServiceCategoryRepository categories;
    private final ServiceCapacityRepository capacities;
    private final HoldRepository holds;
    private final EventOutbox outbox;
    private final MeterRegistry meters;

    public AvailabilityPublisher(
            ServiceRepository services,
            ServiceCategoryRepository categories,
            ServiceCapacityRepository capacities,
            HoldRepository holds,
            EventOutbox outbox,
            MeterRegistry meters) {
        this.services = services;
        this.categories = categories;
        this.capacities = capacities;
        this.holds = holds;
        this.outbox = outbox;
        this.meters = meters;
    }

    /**
     * Publishes the current availability of the services. The caller has locked them in this transaction (or created
     * them), so versions cannot interleave.
     *
     * @param cause see {@code CapacityCauses}
     */
    public Uni<Void> publish(Collection<String> serviceIds, String cause, Instant at) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ordered = List.copyOf(new TreeSet<>(serviceIds));
        // The snapshot is read back from the database: pending changes of this transaction must be there first.
        return services.flush()
                .chain(() -> Multi.createFrom()
                        .iterable(ordered)
                        .onItem()
                        .transformToUniAndConcatenate(id -> publishOne(id, cause, at))
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    private Uni<Void> publishOne(String serviceId, String cause, Instant at) {
        return services.findById(serviceId).chain(service -> {
            if (service == null) {
                return Uni.createFrom()
                        .failure(new IllegalStateException("Service " + serviceId + " vanished while publishing"));
            }
            service.capacityVersion++;
            return categories
                    .findByServiceIds(List.of(serviceId))
                    .chain(cats -> capacities.findByServiceId(serviceId).chain(capacity -> held(serviceId, capacity)
                            .map(held -> snapshot(
                                    service,
                                    cats.stream().map(c -> c.category).sorted().toList(),
                                    capacity,
                                    held,
                                    cause,
                                    at))))
                    .chain(event ->
                            outbox.append(Topics.CAPACITY_CHANGED, EventTypes.CAPACITY_CHANGED, serviceId, event))
                    .invoke(() -> AfterCommit.run(
                            () -> meters.counter(METRIC, "cause", cause).increment()))
                    .replaceWithVoid();
        });
    }

    /** Places held: the capacity's counter, or a count of open holds when the service publishes no capacity. */
    private Uni<Integer> held(String serviceId, ServiceCapacity capacity) {
        if (capacity != null) {
            return Uni.createFrom().item(capacity.held);
        }
        return holds.countOpen(serviceId).map(Long::intValue);
    }

    static CapacityChanged snapshot(
            Service service, List<String> categories, ServiceCapacity capacity, int held, String cause, Instant at) {
        return new CapacityChanged(
                service.id,
                service.organizationId,
                service.status.code(),
                categories,
                capacity == null ? null : capacity.unit,
                capacity == null ? null : capacity.available(),
                capacity == null ? null : capacity.maximum,
                held,
                service.capacityVersion,
                cause,
                at);
    }
}
