package org.careloop.directory.holds.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.holds.CapacityHold;
import org.careloop.directory.holds.HoldState;
import org.careloop.directory.holds.repository.HoldRepository;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;

/**
 * Reads the holds of a service: coordinators and operators see any service's, an organization's staff only those of
 * its own services (another organization's staff get 403, as for capacity reports: services are public).
 */
@ApplicationScoped
public class HoldQueryService {

    private final ServiceRepository services;
    private final HoldRepository holds;
    private final Caller caller;

    public HoldQueryService(ServiceRepository services, HoldRepository holds, Caller caller) {
        this.services = services;
        this.holds = holds;
        this.caller = caller;
    }

    @WithSession
    public Uni<Page<CapacityHold>> findHolds(String serviceId, HoldState state, PageRequest page) {
        boolean everyService = caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.OPERATOR);
        Optional<String> callerOrganization = caller.organizationId();
        return services.findById(serviceId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Service", serviceId))
                .invoke(service -> authorize(service, everyService, callerOrganization))
                .chain(service -> holds.findPage(serviceId, state, page));
    }

    private static void authorize(Service service, boolean everyService, Optional<String> callerOrganization) {
        if (everyService) {
            return;
        }
        if (callerOrganization.isEmpty()) {
            throw ProblemException.forbidden("The token carries no " + Roles.ORGANIZATION_CLAIM + " claim");
        }
        if (!callerOrganization.get().equals(service.organizationId)) {
            throw ProblemException.forbidden("Only coordinators, operators and staff of " + service.organizationId
                    + " see this service's holds");
        }
    }
}
