package org.careloop.directory.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.careloop.directory.catalog.ServiceCategory;

/** Queries over the category mapping of services. */
@ApplicationScoped
@WithSession
public class ServiceCategoryRepository implements PanacheRepositoryBase<ServiceCategory, ServiceCategory.Key> {

    public Uni<List<ServiceCategory>> findByServiceIds(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("serviceId in ?1", serviceIds);
    }
}
