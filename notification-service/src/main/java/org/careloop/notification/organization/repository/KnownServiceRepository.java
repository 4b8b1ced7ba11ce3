package org.careloop.notification.organization.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.careloop.notification.organization.KnownService;

/** Queries over the replica of the directory's services. */
@ApplicationScoped
@WithSession
public class KnownServiceRepository implements PanacheRepositoryBase<KnownService, String> {

    /** The row of a service, locked until the transaction ends. */
    public Uni<KnownService> findForUpdate(String serviceId) {
        return findById(serviceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether any service of the directory belongs to the organization. */
    public Uni<Boolean> organizationExists(String organizationId) {
        return count("organizationId", organizationId).map(n -> n > 0);
    }
}
