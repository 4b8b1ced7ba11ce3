package org.careloop.directory.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.careloop.directory.catalog.Organization;
import org.careloop.platform.rest.PageRequest;

/** Queries over organizations. */
@ApplicationScoped
@WithSession
public class OrganizationRepository implements PanacheRepositoryBase<Organization, String> {

    public Uni<List<Organization>> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("id in ?1", ids);
    }

    public Uni<List<Organization>> findPage(PageRequest page) {
        return findAll(Sort.by("id")).page(page.page, page.size).list();
    }
}
