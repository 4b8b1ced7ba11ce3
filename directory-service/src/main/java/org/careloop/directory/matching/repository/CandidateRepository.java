package org.careloop.directory.matching.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.matching.Candidate;

/** Reads the facts ranking needs about every service listed under some categories. */
@ApplicationScoped
@WithSession
public class CandidateRepository implements PanacheRepositoryBase<Service, String> {

    // Every listed service, qualifying or not, so that an empty match can say why nothing qualified.
    private static final String CANDIDATES = """
            select new org.careloop.directory.matching.Candidate(
                c.category, s.id, s.organizationId, s.status, cap.available, cap.unit, s.assuredDate)
            from ServiceCategory c
            join Service s on s.id = c.serviceId
            left join ServiceCapacity cap on cap.serviceId = s.id
            where c.category in :categories
            """;

    public Uni<List<Candidate>> findByCategories(Collection<String> categories) {
        if (categories.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(CANDIDATES, Candidate.class)
                .setParameter("categories", categories)
                .getResultList());
    }
}
