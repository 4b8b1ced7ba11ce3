package org.careloop.directory.exchange.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.careloop.directory.exchange.HsdsKind;

/** Pages of HSDS documents built by the database (migration V6), by id. */
@ApplicationScoped
public class ExportRepository {

    /** One exported row: its id (the paging key) and its JSON. */
    public record Row(String id, String json) {}

    /** Organizations with their nested services, after {@code after} by id. */
    public Uni<List<Row>> organizations(Instant since, String after, int limit) {
        return rows(
                "select j ->> 'id', cast(j as text)"
                        + " from hsds_export_organizations(cast(cast(?1 as text) as timestamptz), ?2, ?3) j",
                since,
                after,
                limit);
    }

    /** Rows of one table as flat HSDS records (doc and links). */
    public Uni<List<Row>> flat(HsdsKind kind, Instant since, String after, int limit) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "select j ->> 'id', cast(j as text)"
                                        + " from hsds_export_flat(?4, cast(cast(?1 as text) as timestamptz), ?2, ?3) j",
                                Object[].class)
                        .setParameter(1, since == null ? null : since.toString())
                        .setParameter(2, after)
                        .setParameter(3, limit)
                        .setParameter(4, kind.table())
                        .getResultList())
                .map(ExportRepository::toRows));
    }

    /**
     * Objects kept inside their owners' documents (contacts, programs...) with a link to the owner, by owner id.
     *
     * @param owner the owner table
     * @param key the owner's array holding them, e.g. {@code contacts}
     * @param link the link field naming the owner, e.g. {@code service_id}
     */
    public Uni<List<Row>> folded(HsdsKind owner, String key, String link, Instant since, String after, int limit) {
        String sql = "select o.id, cast(coalesce(jsonb_agg(e || jsonb_build_object('" + link + "', o.id)), '[]')"
                + " as text) from " + owner.table() + " o"
                + " cross join lateral jsonb_array_elements(case when jsonb_typeof(o.doc -> '" + key
                + "') = 'array' then o.doc -> '" + key + "' else '[]' end) e"
                + " where o.id > ?1 and (cast(cast(?3 as text) as timestamptz) is null or " + inScope(owner) + ")"
                + " group by o.id order by o.id limit ?2";
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, after)
                        .setParameter(2, limit)
                        .setParameter(3, since == null ? null : since.toString())
                        .getResultList())
                .map(ExportRepository::toRows));
    }

    /** Whether owner row o is in the scope of an export since ?3 (as hsds_export_flat's scope). */
    private static String inScope(HsdsKind owner) {
        String since = "cast(cast(?3 as text) as timestamptz)";
        String services = "(select s.id from service s where s.last_modified > " + since + ")";
        String organizations = "(select x.id from organization x where x.last_modified > " + since
                + " union select s.organization_id from service s where s.last_modified > " + since + ")";
        return switch (owner) {
            case ORGANIZATION -> "o.id in " + organizations;
            case SERVICE -> "o.id in " + services;
            case SERVICE_AT_LOCATION -> "o.service_id in " + services;
            case LOCATION ->
                "(o.organization_id in " + organizations
                        + " or o.id in (select l.location_id from service_at_location l where l.service_id in "
                        + services + "))";
            default -> "false";
        };
    }

    private Uni<List<Row>> rows(String sql, Instant since, String after, int limit) {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql, Object[].class)
                        .setParameter(1, since == null ? null : since.toString())
                        .setParameter(2, after)
                        .setParameter(3, limit)
                        .getResultList())
                .map(ExportRepository::toRows));
    }

    private static List<Row> toRows(List<Object[]> rows) {
        return rows.stream()
                .map(r -> new Row(String.valueOf(r[0]), String.valueOf(r[1])))
                .toList();
    }
}
