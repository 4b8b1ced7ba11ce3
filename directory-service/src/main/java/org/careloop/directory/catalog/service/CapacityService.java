package org.careloop.directory.catalog.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.directory.availability.Availability;
import org.careloop.directory.availability.service.AvailabilityPublisher;
import org.careloop.directory.catalog.CapacityChange;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.repository.ServiceCapacityRepository;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.holds.repository.HoldRepository;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;

/**
 * Live capacity reported by coordinators or by the staff of the organization that runs the service. A report "X places
 * are free now" sets the baseline to X plus the places held at that moment, so the service shows X now and gets the
 * held places back as their referrals end. Services are public directory data, so another organization's staff get 403
 * (they can see the service exists), not 404.
 */
@ApplicationScoped
public class CapacityService {

    private final ServiceRepository services;
    private final ServiceCapacityRepository capacities;
    private final HoldRepository holds;
    private final AvailabilityPublisher publisher;
    private final Caller caller;
    private final DirectoryConfig config;

    public CapacityService(
            ServiceRepository services,
            ServiceCapacityRepository capacities,
            HoldRepository holds,
            AvailabilityPublisher publisher,
            Caller caller,
            DirectoryConfig config) {
        this.services = services;
        this.capacities = capacities;
        this.holds = holds;
        this.publisher = publisher;
        this.caller = caller;
        this.config = config;
    }

    /** Takes a report and publishes the service's availability, with the service locked against concurrent holds. */
    @WithTransaction
    public Uni<ServiceCapacity> updateCapacity(String serviceId, CapacityChange change) {
        boolean coordinator = caller.hasRole(Roles.COORDINATOR);
        Optional<String> callerOrganization = caller.organizationId();
        String who = caller.name();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return services.lockById(serviceId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Service", serviceId))
                .invoke(service -> authorize(service, coordinator, callerOrganization))
                .chain(service -> capacities.findByServiceId(serviceId))
                .chain(current -> apply(serviceId, change, current, now))
                .call(capacity -> publisher.publish(List.of(serviceId), CapacityCauses.REPORT, now))
                .invoke(capacity -> Log.infof(
                        "Capacity of %s reported by %s: %d free of %s %s, %d held (baseline %d, available %d)",
                        serviceId,
                        who,
                        capacity.reportedAvailable,
                        capacity.maximum,
                        capacity.unit,
                        capacity.held,
                        capacity.baseline,
                        capacity.available()));
    }

    private static void authorize(Service service, boolean coordinator, Optional<String> callerOrganization) {
        if (coordinator) {
            return;
        }
        if (callerOrganization.isEmpty()) {
            throw ProblemException.forbidden("The token carries no " + Roles.ORGANIZATION_CLAIM + " claim");
        }
        if (!callerOrganization.get().equals(service.organizationId)) {
            throw ProblemException.forbidden(
                    "Only coordinators and staff of " + service.organizationId + " may report this service's capacity");
        }
    }

    private Uni<ServiceCapacity> apply(String serviceId, CapacityChange change, ServiceCapacity current, Instant now) {
        if (current == null) {
            // A first report: places may already be held (a referral reached the service before it published any).
            return holds.countOpen(serviceId).chain(open -> {
                String unit = change.unit() != null ? change.unit() : config.defaultCapacityUnit();
                ServiceCapacity created = new ServiceCapacity(serviceId, unit, change.available(), change.maximum());
                created.id = UUID.randomUUID();
                created.held = open.intValue();
                created.baseline = Availability.baseline(change.available(), created.held);
                created.updated = now;
                return capacities.persist(created);
            });
        }
        // A report is news even when the numbers are unchanged: "updated" says when capacity was last confirmed.
        current.report(change.unit() != null ? change.unit() : current.unit, change.available(), change.maximum(), now);
        return Uni.createFrom().item(current);
    }
}
