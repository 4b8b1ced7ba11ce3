package org.careloop.screening.screening.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.screening.Screening;
import org.careloop.screening.screening.ScreeningQuery;

/** Queries over screenings, always within the caller's visible scope. */
@ApplicationScoped
@WithSession
public class ScreeningRepository implements PanacheRepositoryBase<Screening, UUID> {

    /** The screening, if it exists and the query's scope includes it. */
    public Uni<Screening> findVisible(UUID id, ScreeningQuery query) {
        Filter filter = filter(query);
        filter.conditions.add("id = :id");
        filter.parameters.and("id", id);
        return find(filter.where(), filter.parameters).firstResult();
    }

    /** One page, newest first. */
    public Uni<List<Screening>> list(ScreeningQuery query, int page, int size) {
        Filter filter = filter(query);
        return find(filter.where(), Sort.descending("completedAt").and("id"), filter.parameters)
                .page(Page.of(page, size))
                .list();
    }

    public Uni<Long> count(ScreeningQuery query) {
        Filter filter = filter(query);
        return count(filter.where(), filter.parameters);
    }

    private static Filter filter(ScreeningQuery query) {
        Filter filter = new Filter();
        query.personRef().ifPresent(person -> {
            filter.conditions.add("personRef = :personRef");
            filter.parameters.and("personRef", person);
        });
        query.organizationId().ifPresent(org -> {
            filter.conditions.add("requesterOrganizationId = :organizationId");
            filter.parameters.and("organizationId", org);
        });
        return filter;
    }

    /** HQL conditions with their named parameters. */
    private static final class Filter {
        final List<String> conditions = new ArrayList<>();
        final Parameters parameters = new Parameters();

        String where() {
            return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        }
    }
}
