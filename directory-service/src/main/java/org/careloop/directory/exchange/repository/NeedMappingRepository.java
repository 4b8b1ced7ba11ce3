package org.careloop.directory.exchange.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.directory.exchange.rest.NeedMappingView;

/** The need_mapping table and the services its rows reach, in the caller's transaction. */
@ApplicationScoped
public class NeedMappingRepository {

    private static final String COLUMNS = "cast(id as text), taxonomy, term, prefix, category, hsds_iso(created_at)";

    /** The services tagged with terms of the taxonomy a mapping names (as refresh_service_categories matches). */
    private static final String SERVICES_OF_TAXONOMY = "select coalesce(string_agg(distinct a.link_id, ','), '')"
            + " from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id"
            + " join taxonomy x on x.id = t.taxonomy_id"
            + " where a.link_entity = 'service'"
            + " and (lower(?1) in (lower(x.id), lower(x.name), lower(coalesce(x.uri, '')))"
            + " or (lower(?1) = 'open eligibility' and lower(coalesce(x.uri, '')) like '%openeligibility%'))";

    public Uni<List<NeedMappingView>> list() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select " + COLUMNS + " from need_mapping order by taxonomy, term, category",
                                Object[].class)
                        .getResultList())
                .map(rows -> rows.stream().map(NeedMappingRepository::view).toList());
    }

    public Uni<NeedMappingView> find(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select " + COLUMNS + " from need_mapping where id = cast(cast(?1 as text) as uuid)",
                                Object[].class)
                        .setParameter(1, id.toString())
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : view(rows.get(0)));
    }

    /** Inserts a mapping; false when the same one exists already. */
    public Uni<Boolean> insert(UUID id, String taxonomy, String term, boolean prefix, String category, Instant now) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into need_mapping (id, taxonomy, term, prefix, category,"
                                + " created_at, updated_at) values (cast(cast(?1 as text) as uuid), ?2, ?3, ?4, ?5,"
                                + " cast(cast(?6 as text) as timestamptz), cast(cast(?6 as text) as timestamptz))"
                                + " on conflict do nothing")
                        .setParameter(1, id.toString())
                        .setParameter(2, taxonomy)
                        .setParameter(3, term)
                        .setParameter(4, prefix)
                        .setParameter(5, category)
                        .setParameter(6, now.toString())
                        .executeUpdate())
                .map(n -> n > 0);
    }

    public Uni<Boolean> delete(UUID id) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("delete from need_mapping where id = cast(cast(?1 as text) as uuid)")
                        .setParameter(1, id.toString())
                        .executeUpdate())
                .map(n -> n > 0);
    }

    /** The services tagged with a term of the taxonomy, locked in id order (their availability may change). */
    public Uni<List<String>> lockServicesOf(String taxonomy) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SERVICES_OF_TAXONOMY, String.class)
                .setParameter(1, taxonomy)
                .getSingleResult()
                .chain(ids -> s.createNativeQuery(
                                "select id from service where id = any (string_to_array(?1, ','))"
                                        + " order by id for no key update",
                                String.class)
                        .setParameter(1, ids)
                        .getResultList()));
    }

    /** Service id and its sorted categories, joined as "id=a,b", for comparing before and after. */
    public Uni<List<String>> categories(List<String> serviceIds) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select s.id || '=' || coalesce((select string_agg(c.category, ',' order by"
                                + " c.category) from service_category c where c.service_id = s.id), '')"
                                + " from service s where s.id = any (string_to_array(?1, ',')) order by s.id",
                        String.class)
                .setParameter(1, String.join(",", serviceIds))
                .getResultList());
    }

    public Uni<Void> refresh(List<String> serviceIds) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "select 'ok' from (select refresh_service_categories(string_to_array(?1, ',')),"
                                        + " refresh_match_index(string_to_array(?1, ','))) x",
                                String.class)
                        .setParameter(1, String.join(",", serviceIds))
                        .getResultList())
                .replaceWithVoid();
    }

    private static NeedMappingView view(Object[] row) {
        return new NeedMappingView(
                UUID.fromString((String) row[0]),
                (String) row[1],
                (String) row[2],
                (Boolean) row[3],
                (String) row[4],
                Instant.parse((String) row[5]),
                null);
    }
}
