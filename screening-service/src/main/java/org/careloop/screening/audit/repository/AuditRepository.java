package org.careloop.screening.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.screening.audit.AuditEntry;

/** Reads of the disclosure audit; rows are only ever inserted. */
@ApplicationScoped
@WithSession
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    /**
     * Which rows to list; every filter is optional.
     *
     * @param personRef rows about this person
     * @param actor rows of this user or client
     * @param organizationId rows of callers of this organization
     * @param outcome {@code allowed} or {@code denied}
     * @param from at or after
     * @param to before
     */
    public record Filter(
            String personRef, String actor, String organizationId, String outcome, Instant from, Instant to) {}

    /** One page, newest first. */
    public Uni<Page<AuditEntry>> list(Filter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        add(conditions, parameters, "personRef", filter.personRef(), "personRef = :personRef");
        add(conditions, parameters, "actor", filter.actor(), "actor = :actor");
        add(conditions, parameters, "org", filter.organizationId(), "actorOrganizationId = :org");
        add(conditions, parameters, "outcome", filter.outcome(), "outcome = :outcome");
        add(conditions, parameters, "from", filter.from(), "at >= :from");
        add(conditions, parameters, "to", filter.to(), "at < :to");
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        var query = find(where, Sort.descending("at", "id"), parameters);
        return query.page(page.page, page.size).list().chain(items -> query.count()
                .map(total -> Page.of(items, page, total)));
    }

    private static void add(List<String> conditions, Parameters parameters, String name, Object value, String sql) {
        if (value != null) {
            conditions.add(sql);
            parameters.and(name, value);
        }
    }
}
