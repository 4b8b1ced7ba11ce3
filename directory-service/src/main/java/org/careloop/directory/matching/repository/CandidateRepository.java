package org.careloop.directory.matching.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceStatus;
import org.careloop.directory.matching.Person;
import org.careloop.directory.matching.Unqualified;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The match query: the services that qualify for one need of one person, filtered, measured and pre-ordered in
 * PostgreSQL, so that only a bounded window of candidates reaches Java for the final ranking.
 *
 * <p>It reads the match index (V10, docs/adr/0012): with a postal code, the rows of match_place for (postal code,
 * category), which hold every service serving the code (by area, or by radius for services without area) with its
 * ages, languages, interpretation, capacity, distance and pre-score, read in the order of match_place_rank (capacity
 * unknown last, pre-score, id) until the window is full; the filters (capacity, age, language, consent, exclusions)
 * apply as the rows are read. Without a postal code it reads match_service for the category. Only the window's rows
 * are joined to service, match_service and service_capacity for what the ranking shows.
 */
@ApplicationScoped
@WithSession
public class CandidateRepository implements PanacheRepositoryBase<Service, String> {

    /**
     * What one match asks for.
     *
     * @param category the need's category
     * @param excluded services not to offer (already tried)
     * @param recipients organizations the person's consent covers; null for all
     * @param person the person's routing facts
     * @param window how many candidates to return at most, best pre-score first
     * @param since holds count as recent load from this instant
     */
    public record Query(
            String category, Set<String> excluded, Set<String> recipients, Person person, int window, Instant since) {}

    /**
     * The tuning of the query.
     *
     * @param defaultRadiusKm how far from its locations a service without service area serves
     * @param maxRadiusKm the largest radius any service may have (caps the per-service override)
     * @param capacityWeight weight of the capacity part in the pre-score
     * @param capacityScale places that score 0.5 on capacity
     * @param distanceWeight weight of the distance part in the pre-score
     * @param distanceScaleKm distance that scores 0.5 on distance
     */
    public record Tuning(
            double defaultRadiusKm,
            double maxRadiusKm,
            double capacityWeight,
            int capacityScale,
            double distanceWeight,
            double distanceScaleKm) {}

    /**
     * A qualifying service, as the database has it.
     *
     * @param serviceId service id
     * @param organizationId organization id
     * @param status service status
     * @param available places free after holds, null without capacity
     * @param held places held
     * @param maximum places in total, or null
     * @param unit unit of the places, null without capacity
     * @param assuredDate when last confirmed, or null
     * @param coveredByArea whether one of its service areas covers the person's postal code
     * @param distanceKm distance of its nearest location to the postal code's centroid, or null
     * @param radiusKm its radius
     * @param speaksLanguage whether it (or one of its locations) speaks the person's language
     * @param languageName the name of that language as published, or null
     * @param interpretation whether it offers interpretation
     * @param languagesPublished whether it or one of its locations lists any language
     * @param recentHolds holds at the organization's services since the query's instant
     */
    public record Row(
            String serviceId,
            String organizationId,
            ServiceStatus status,
            Integer available,
            int held,
            Integer maximum,
            String unit,
            LocalDate assuredDate,
            boolean coveredByArea,
            Double distanceKm,
            double radiusKm,
            boolean speaksLanguage,
            String languageName,
            boolean interpretation,
            boolean languagesPublished,
            int recentHolds) {}

    /** The qualifying services of a need, best pre-score first, at most {@code query.window()}. */
    public Uni<List<Row>> findQualifying(Query query, Tuning tuning) {
        String text = qualifyingSql(query);
        return getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> q = session.createNativeQuery(text, Object[].class)
                    .setParameter("category", query.category())
                    .setParameter("defaultRadius", tuning.defaultRadiusKm())
                    .setParameter("maxRadius", tuning.maxRadiusKm())
                    .setParameter("since", query.since())
                    .setParameter("window", query.window());
            if (query.person().postalCode() == null) {
                q.setParameter("capacityWeight", tuning.capacityWeight())
                        .setParameter("capacityScale", (double) tuning.capacityScale())
                        .setParameter("distanceWeight", tuning.distanceWeight());
            }
            bindPerson(q, query);
            return q.getResultList()
                    .map(rows -> rows.stream().map(CandidateRepository::toRow).toList());
        });
    }

    /** The statement of {@link #findQualifying}: fixed fragments for the facts the person has; every value bound. */
    static String qualifyingSql(Query query) {
        boolean place = query.person().postalCode() != null;
        StringBuilder sql = new StringBuilder("with window_ as (\n");
        if (place) {
            // Where the person lives: the code's rows of the category, read in the order of the rank index (the
            // pre-score is stored with the row) until the window is full.
            sql.append(" select m.service_id, m.organization_id, m.available, m.covered, m.distance_km,")
                    .append(" m.capacity_unknown, m.pre\n")
                    .append(" from match_place m\n where m.postal_code = :postal and m.category = :category\n");
            appendFilters(sql, query);
            sql.append(" order by m.capacity_unknown, m.pre desc, m.service_id\n limit :window\n");
        } else {
            sql.append(" select m.service_id, m.organization_id, m.available, false as covered,")
                    .append(" null::float8 as distance_km, m.available is null as capacity_unknown,\n")
                    .append(" :capacityWeight * coalesce(m.available::float8 / (m.available + :capacityScale), 0)")
                    .append(" + :distanceWeight * 0.5 as pre\n")
                    .append(" from match_service m\n where m.category = :category\n");
            appendFilters(sql, query);
            sql.append(" order by capacity_unknown, pre desc, m.service_id\n limit :window\n");
        }
        sql.append("""
                )
                select w.service_id, w.organization_id, s.status, w.available, coalesce(cap.held, 0), cap.maximum,
                       cap.unit, s.assured_date, w.covered, w.distance_km,
                       least(coalesce(ms.radius_km, :defaultRadius), :maxRadius), %s,
                       (select count(*) from capacity_hold h join service o on o.id = h.service_id
                        where o.organization_id = w.organization_id and h.created_at > :since)
                from window_ w
                join service s on s.id = w.service_id
                join match_service ms on ms.category = :category and ms.service_id = w.service_id
                left join service_capacity cap on cap.service_id = w.service_id
                order by w.capacity_unknown, w.pre desc, w.service_id
                """.formatted(
                        query.person().language() != null
                                ? "jsonb_exists(ms.languages, :language), ms.languages ->> :language,"
                                        + " ms.interpretation, ms.languages_published"
                                : "false, null::text, ms.interpretation, false"));
        return sql.toString();
    }

    private static void appendFilters(StringBuilder sql, Query query) {
        Person person = query.person();
        sql.append(" and (m.available is null or m.available > 0)\n");
        if (!query.excluded().isEmpty()) {
            sql.append(" and m.service_id not in (:excluded)\n");
        }
        if (query.recipients() != null) {
            sql.append(query.recipients().isEmpty() ? " and false\n" : " and m.organization_id in (:recipients)\n");
        }
        if (person.ageBand() != null) {
            sql.append(" and (m.minimum_age is null or m.minimum_age <= :ageMax)")
                    .append(" and (m.maximum_age is null or m.maximum_age >= :ageMin)\n");
        }
        if (person.language() != null) {
            sql.append(
                    " and (jsonb_exists(m.languages, :language) or not m.languages_published or m.interpretation)\n");
        }
    }

    /**
     * Why no service of the category qualified: each listed service counted once, under the first reason that rules it
     * out. Read only when the match query found nothing.
     */
    public Uni<Unqualified> findUnqualified(Query query) {
        Person person = query.person();
        boolean place = person.postalCode() != null;
        // Over the category's listed services, with their rows of the match index: a service without a match_service
        // row is not active; one without a match_place row for the code does not serve it (by area or radius).
        StringBuilder sql = new StringBuilder("select case\n");
        if (!query.excluded().isEmpty()) {
            sql.append(" when c.service_id in (:excluded) then 'tried'\n");
        }
        if (query.recipients() != null) {
            sql.append(
                    query.recipients().isEmpty()
                            ? " when true then 'consent'\n"
                            : " when s.organization_id not in (:recipients) then 'consent'\n");
        }
        sql.append(" when m.service_id is null then 'inactive'\n");
        if (place) {
            sql.append(" when mp.service_id is null then 'area'\n");
        }
        if (person.ageBand() != null) {
            sql.append(" when not ((m.minimum_age is null or m.minimum_age <= :ageMax)")
                    .append(" and (m.maximum_age is null or m.maximum_age >= :ageMin)) then 'age'\n");
        }
        if (person.language() != null) {
            sql.append(" when not (jsonb_exists(m.languages, :language) or not m.languages_published")
                    .append(" or m.interpretation) then 'language'\n");
        }
        sql.append(" when m.available is not null and m.available <= 0 then 'full'\n")
                .append(" else 'qualifies' end as why, count(*)\n")
                .append("from service_category c\n")
                // The organization of an inactive service (no match_service row) is only read for consent.
                .append(
                        query.recipients() != null && !query.recipients().isEmpty()
                                ? "join service s on s.id = c.service_id\n"
                                : "")
                .append("left join match_service m on m.category = c.category and m.service_id = c.service_id\n");
        if (place) {
            sql.append("left join match_place mp on mp.postal_code = :postal and mp.category = c.category")
                    .append(" and mp.service_id = c.service_id\n");
        }
        sql.append("where c.category = :category group by 1");
        String text = sql.toString();
        return getSession().chain(session -> {
            Mutiny.SelectionQuery<Object[]> q =
                    session.createNativeQuery(text, Object[].class).setParameter("category", query.category());
            bindPerson(q, query);
            return q.getResultList().map(rows -> {
                Map<String, Integer> counts = new HashMap<>();
                int listed = 0;
                for (Object[] row : rows) {
                    int n = ((Number) row[1]).intValue();
                    counts.merge((String) row[0], n, Integer::sum);
                    listed += n;
                }
                return new Unqualified(
                        listed,
                        counts.getOrDefault("tried", 0),
                        counts.getOrDefault("consent", 0),
                        counts.getOrDefault("inactive", 0),
                        counts.getOrDefault("area", 0),
                        counts.getOrDefault("age", 0),
                        counts.getOrDefault("language", 0),
                        counts.getOrDefault("full", 0));
            });
        });
    }

    private static void bindPerson(Mutiny.SelectionQuery<Object[]> q, Query query) {
        Person person = query.person();
        if (!query.excluded().isEmpty()) {
            q.setParameter("excluded", query.excluded());
        }
        if (query.recipients() != null && !query.recipients().isEmpty()) {
            q.setParameter("recipients", query.recipients());
        }
        if (person.postalCode() != null) {
            q.setParameter("postal", person.postalCode());
        }
        if (person.ageBand() != null) {
            q.setParameter("ageMin", person.minimumAge()).setParameter("ageMax", person.maximumAge());
        }
        if (person.language() != null) {
            q.setParameter("language", person.language());
        }
    }

    private static Row toRow(Object[] r) {
        return new Row(
                (String) r[0],
                (String) r[1],
                ServiceStatus.fromCode((String) r[2]),
                integer(r[3]),
                integer(r[4]),
                integer(r[5]),
                (String) r[6],
                date(r[7]),
                Boolean.TRUE.equals(r[8]),
                r[9] == null ? null : ((Number) r[9]).doubleValue(),
                ((Number) r[10]).doubleValue(),
                Boolean.TRUE.equals(r[11]),
                (String) r[12],
                Boolean.TRUE.equals(r[13]),
                Boolean.TRUE.equals(r[14]),
                integer(r[15]));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> LocalDate.parse(value.toString());
        };
    }
}
