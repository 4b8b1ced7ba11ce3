package org.careloop.directory.availability.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Services read and published per round of statements. */
    static final int CHUNK = 500;

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
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i += CHUNK) {
            chunks.add(ordered.subList(i, Math.min(ordered.size(), i + CHUNK)));
        }
        // The snapshot is read back from the database: pending changes of this transaction must be there first.
        return services.flush()
                .chain(() -> Multi.createFrom()
                        .iterable(chunks)
                        .onItem()
                        .transformToUniAndConcatenate(chunk -> publishChunk(chunk, cause, at))
                        .collect()
                        .last())
                .replaceWithVoid();
    }

    /** One chunk of services (in id order): four queries to read them, one statement to lock, one to insert. */
    private Uni<Void> publishChunk(List<String> ids, String cause, Instant at) {
        return services.findByIds(ids)
                .chain(found -> categories
                        .findByServiceIds(ids)
                        .chain(cats -> capacities.findByServiceIds(ids).chain(caps -> {
                            Map<String, ServiceCapacity> capacityOf = new HashMap<>();
                            caps.forEach(c -> capacityOf.put(c.serviceId, c));
                            List<String> uncounted = ids.stream()
                                    .filter(id -> !capacityOf.containsKey(id))
                                    .toList();
                            return holds.countOpenByServiceIds(uncounted).map(openHolds -> {
                                Map<String, Service> byId = new HashMap<>();
                                found.forEach(f -> byId.put(f.id, f));
                                Map<String, List<String>> categoriesOf = new HashMap<>();
                                cats.forEach(c -> categoriesOf
                                        .computeIfAbsent(c.serviceId, k -> new ArrayList<>())
                                        .add(c.category));
                                List<EventOutbox.Keyed> events = new ArrayList<>(ids.size());
                                for (String id : ids) {
                                    Service service = byId.get(id);
                                    if (service == null) {
                                        throw new IllegalStateException("Service " + id + " vanished while publishing");
                                    }
                                    service.capacityVersion++;
                                    ServiceCapacity capacity = capacityOf.get(id);
                                    int held = capacity != null
                                            ? capacity.held
                                            : openHolds.getOrDefault(id, 0L).intValue();
                                    List<String> sorted = categoriesOf.getOrDefault(id, List.of()).stream()
                                            .sorted()
                                            .toList();
                                    events.add(new EventOutbox.Keyed(
                                            id, snapshot(service, sorted, capacity, held, cause, at)));
                                }
                                return events;
                            });
                        })))
                .chain(events -> outbox.appendAll(Topics.CAPACITY_CHANGED, EventTypes.CAPACITY_CHANGED, events)
                        .invoke(() -> AfterCommit.run(
                                () -> meters.counter(METRIC, "cause", cause).increment(events.size()))))
                .replaceWithVoid();
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
