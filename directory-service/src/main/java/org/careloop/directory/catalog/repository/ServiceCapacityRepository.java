package org.careloop.directory.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.careloop.directory.catalog.ServiceCapacity;

/** Queries over service capacities. */
@ApplicationScoped
@WithSession
public class ServiceCapacityRepository implements PanacheRepositoryBase<ServiceCapacity, UUID> {

    public Uni<List<ServiceCapacity>> findByServiceIds(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("serviceId in ?1", serviceIds);
    }

    public Uni<ServiceCapacity> findByServiceId(String serviceId) {
        return find("serviceId", serviceId).firstResult();
    }
}
