package org.careloop.directory.catalog.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.careloop.directory.catalog.CapacityChange;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.repository.ServiceCapacityRepository;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;

/**
 * Live capacity reported by coordinators or by the staff of the organization that runs the service. Services are
 * public directory data, so another organization's staff get 403 (they can see the service exists), not 404.
 */
@ApplicationScoped
public class CapacityService {

    private final ServiceRepository services;
    private final ServiceCapacityRepository capacities;
    private final Caller caller;
    private final DirectoryConfig config;

    public CapacityService(
            ServiceRepository services, ServiceCapacityRepository capacities, Caller caller, DirectoryConfig config) {
        this.services = services;
        this.capacities = capacities;
        this.caller = caller;
        this.config = config;
    }

    @WithTransaction
    public Uni<ServiceCapacity> updateCapacity(String serviceId, CapacityChange change) {
        boolean coordinator = caller.hasRole(Roles.COORDINATOR);
        Optional<String> callerOrganization = caller.organizationId();
        String who = caller.name();
        return services.findById(serviceId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Service", serviceId))
                .invoke(service -> authorize(service, coordinator, callerOrganization))
                .chain(service -> capacities.findByServiceId(serviceId))
                .chain(current -> apply(serviceId, change, current))
                .invoke(capacity -> Log.infof(
                        "Capacity of %s set to %d/%s %s by %s",
                        serviceId, capacity.available, capacity.maximum, capacity.unit, who));
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

    private Uni<ServiceCapacity> apply(String serviceId, CapacityChange change, ServiceCapacity current) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (current == null) {
            String unit = change.unit() != null ? change.unit() : config.defaultCapacityUnit();
            ServiceCapacity created = new ServiceCapacity(serviceId, unit, change.available(), change.maximum());
            created.id = UUID.randomUUID();
            created.updated = now;
            return capacities.persist(created);
        }
        current.available = change.available();
        current.maximum = change.maximum();
        if (change.unit() != null) {
            current.unit = change.unit();
        }
        // A report is news even when the numbers are unchanged: "updated" says when capacity was last confirmed.
        current.updated = now;
        return Uni.createFrom().item(current);
    }
}
