package org.careloop.directory.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.careloop.directory.catalog.Service;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/** Queries over services. */
@ApplicationScoped
@WithSession
public class ServiceRepository implements PanacheRepositoryBase<Service, String> {

    public Uni<List<Service>> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    /**
     * Locks the services until the transaction ends and loads them. The service row is the lock that serializes
     * changes to a service's availability; taking the locks in id order keeps transactions that lock several services
     * from deadlocking. Call it before anything else in the transaction loads these services, so that they are read
     * fresh.
     */
    public Uni<List<Service>> lockByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("id in ?1", Sort.by("id"), ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Locks one service until the transaction ends and loads it; null when there is no such service. */
    public Uni<Service> lockById(String id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Ids of services whose availability was never published (rows older than capacity-changed), by id. */
    public Uni<List<String>> findUnpublishedIds(int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select s.id from Service s where s.capacityVersion = 0 order by s.id", String.class)
                .setMaxResults(limit)
                .getResultList());
    }

    public Uni<List<Service>> findByOrganization(String organizationId) {
        return list("organizationId", Sort.by("id"), organizationId);
    }

    /** A page of services, optionally only those with a category and/or of one organization, ordered by id. */
    public Uni<Page<Service>> findPage(String category, String organizationId, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (category != null) {
            conditions.add("id in (select c.serviceId from ServiceCategory c where c.category = :category)");
            parameters.and("category", category);
        }
        if (organizationId != null) {
            conditions.add("organizationId = :organizationId");
            parameters.and("organizationId", organizationId);
        }
        String where = String.join(" and ", conditions);
        var query = conditions.isEmpty() ? findAll(Sort.by("id")) : find(where, Sort.by("id"), parameters);
        var paged = query.page(page.page, page.size);
        return paged.list().chain(items -> paged.count().map(total -> Page.of(items, page, total)));
    }
}
