package org.careloop.notification.organization.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.notification.organization.KnownService;
import org.careloop.notification.organization.repository.KnownServiceRepository;
import org.careloop.platform.problem.ProblemException;

/** Keeps the replica of the directory's services and answers which organizations exist. */
@ApplicationScoped
public class OrganizationService {

    /** The path parameter and problem field naming an organization. */
    public static final String ORGANIZATION_ID = "organizationId";

    private final KnownServiceRepository services;

    public OrganizationService(KnownServiceRepository services) {
        this.services = services;
    }

    /**
     * Applies a service's availability snapshot. Snapshots of one service may arrive out of order (a replay, a
     * redelivery under a new event id): one whose version is not newer than the stored one is ignored.
     *
     * @return whether the replica changed
     */
    @WithTransaction
    public Uni<Boolean> apply(CapacityChanged event) {
        return services.findForUpdate(event.serviceId()).chain(found -> {
            if (found != null && event.version() <= found.version) {
                Log.infof(
                        "Ignored version %d of service %s: version %d already applied",
                        event.version(), event.serviceId(), found.version);
                return Uni.createFrom().item(false);
            }
            KnownService service = found != null ? found : new KnownService(event.serviceId());
            if (found != null && !found.organizationId.equals(event.organizationId())) {
                Log.infof(
                        "Service %s moved from organization %s to %s (version %d)",
                        event.serviceId(), found.organizationId, event.organizationId(), event.version());
            } else if (found == null) {
                Log.infof(
                        "Service %s of organization %s is known (version %d)",
                        event.serviceId(), event.organizationId(), event.version());
            }
            service.organizationId = event.organizationId();
            service.serviceStatus = event.serviceStatus();
            service.version = event.version();
            service.changedAt = event.changedAt();
            // A found row is managed: its changes are flushed when the transaction commits.
            return found == null
                    ? services.persist(service).replaceWith(true)
                    : Uni.createFrom().item(true);
        });
    }

    /** Whether the directory knows the organization (it has at least one service). */
    @WithSession
    public Uni<Boolean> isKnown(String organizationId) {
        return services.organizationExists(organizationId);
    }

    /** Fails with a 404 naming {@code organizationId} when the directory does not know the organization. */
    @WithSession
    public Uni<Void> requireKnown(String organizationId) {
        return isKnown(organizationId)
                .invoke(known -> {
                    if (!known) {
                        throw ProblemException.notFound(ORGANIZATION_ID, "Organization", organizationId);
                    }
                })
                .replaceWithVoid();
    }
}
