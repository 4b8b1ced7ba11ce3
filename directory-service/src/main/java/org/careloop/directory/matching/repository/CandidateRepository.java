package org.careloop.directory.matching.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceStatus;

/** Reads the facts ranking needs about every service listed under some categories. */
@ApplicationScoped
@WithSession
public class CandidateRepository implements PanacheRepositoryBase<Service, String> {

    // Native SQL: the available column is computed by the database (after holds), and the load of an organization is
    // a count over its services' recent holds. Every listed service comes back, qualifying or not, so that an empty
    // match can say why nothing qualified.
    private static final String CANDIDATES = """
            select c.category, s.id, s.organization_id, s.status, cap.available, coalesce(cap.held, 0), cap.maximum,
                   cap.unit, s.assured_date,
                   (select count(*) from capacity_hold h join service o on o.id = h.service_id
                     where o.organization_id = s.organization_id and h.created_at > :since)
            from service_category c
            join service s on s.id = c.service_id
            left join service_capacity cap on cap.service_id = s.id
            where c.category in (:categories)
            """;

    /**
     * A service listed under a category, as the database has it.
     *
     * @param category the category
     * @param serviceId service id
     * @param organizationId organization id
     * @param status service status
     * @param available places free after holds, null without capacity
     * @param held places held
     * @param maximum places in total, or null
     * @param unit unit of the places, null without capacity
     * @param assuredDate when last confirmed, or null
     * @param recentHolds holds at the organization's services since the given instant
     */
    public record Row(
            String category,
            String serviceId,
            String organizationId,
            ServiceStatus status,
            Integer available,
            int held,
            Integer maximum,
            String unit,
            LocalDate assuredDate,
            int recentHolds) {}

    /** Every service listed under the categories; recent holds are counted from {@code since}. */
    public Uni<List<Row>> findByCategories(Collection<String> categories, Instant since) {
        if (categories.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(CANDIDATES, Object[].class)
                .setParameter("categories", categories)
                .setParameter("since", since)
                .getResultList()
                .map(rows -> rows.stream().map(CandidateRepository::toRow).toList()));
    }

    private static Row toRow(Object[] r) {
        return new Row(
                (String) r[0],
                (String) r[1],
                (String) r[2],
                ServiceStatus.fromCode((String) r[3]),
                integer(r[4]),
                integer(r[5]),
                integer(r[6]),
                (String) r[7],
                date(r[8]),
                integer(r[9]));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> throw new IllegalStateException("Unexpected date type " + value.getClass());
        };
    }
}
