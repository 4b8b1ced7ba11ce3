package org.careloop.directory.hsds.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Optional;
import org.careloop.directory.hsds.service.HsdsFilter;
import org.careloop.directory.hsds.service.HsdsFilter.PostalCode;
import org.careloop.directory.hsds.service.HsdsPaging;
import org.careloop.directory.hsds.service.HsdsShape;

/**
 * Reads HSDS objects as JSON built by PostgreSQL ({@link HsdsJson}): one query per page, the
 * count included, so that nothing is loaded into Java object by object.
 */
@ApplicationScoped
public class HsdsRepository {

    private static final String SEARCH = "websearch_to_tsquery('english', %s)";
    private static final String SERVICE_MATCHES =
            "hsds_search_vector(%1$s.name, %1$s.doc ->> 'alternate_name'," + " %1$s.description) @@ %2$s";

    private static final String ORGANIZATION_NAME_MATCHES =
            "hsds_search_vector(o.name, o.doc ->> 'alternate_name', null) @@ %s";

    private final Pool database;

    public HsdsRepository(Pool database) {
        this.database = database;
    }

    /** The postal code of that code (of any country; the first by country when several have it). */
    public Uni<Optional<PostalCode>> findPostalCode(String code) {
        return database.preparedQuery("select country, code from postal_code where code = $1 order by country limit 1")
                .execute(Tuple.of(code))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(new PostalCode(
                                rows.iterator().next().getString(0),
                                rows.iterator().next().getString(1))));
    }

    // ------------------------------------------------------------------ services

    public Uni<PageRows> findServices(HsdsFilter filter, HsdsShape shape, HsdsPaging paging) {
        SqlBuilder sql = new SqlBuilder();
        String pc = postalCte(sql, filter);
        String source = serviceSource(sql, filter);
        serviceConditions(sql, filter, "s");
        String json =
                switch (shape) {
                    case MINIMAL -> "jsonb_build_object('id', s.id, 'last_modified', hsds_time(s.last_modified))";
                    case FULL, FULL_SERVICE -> HsdsJson.service("s", true);
                    case BRIEF -> HsdsJson.service("s", false);
                };
        if (filter.proximity() != null) {
            json += " || jsonb_build_object('distance', round(p.distance::numeric, 1))";
        }
        String text =
                pc + "matched as " + materialization(filter) + " (select s.id, " + source + sql.whereClause() + ")"
                        + page(sql, filter, paging)
                        + """
                select (select count(*) from matched), (select count(*) from page),
                       (select coalesce(jsonb_agg(%s order by %s), '[]'::jsonb)::text
                        from page p join service s on s.id = p.id)
                """.formatted(json, pageOrder(filter));
        return pageOf(text, sql);
    }

    /** A fully nested service, or empty. */
    public Uni<Optional<String>> findService(String id) {
        return one("select " + HsdsJson.service("s", true) + "::text from service s where s.id = $1", id);
    }

    // The rows a service listing starts from: every service, the services that cover a postal code (or, saying
    // nothing of where they serve, have a location there), or the services with a location within a distance.
    private static String serviceSource(SqlBuilder sql, HsdsFilter filter) {
        if (filter.place() == null) {
            return "null::float8 as distance from service s";
        }
        if (filter.proximity() == null) {
            return """
                    null::float8 as distance
                    from (select c.service_id as id from service_coverage c
                          join pc on c.postal_code = pc.code and c.country = pc.country
                          union
                          select x.service_id from address a
                          join pc on a.postal_code = pc.code and a.country = pc.country
                          join service_at_location x on x.location_id = a.location_id
                          where not %s) k
                    join service s on s.id = k.id
                    """.formatted(HsdsJson.hasServiceArea("ps", "x.service_id"));
        }
        String metres = sql.param(filter.proximity());
        return """
                k.distance
                from (select x.service_id as id, min(st_distance(l.geog, pc.geog)) as distance
                      from pc
                      join location l on st_dwithin(l.geog, pc.geog, %1$s)
                      join service_at_location x on x.location_id = l.id
                      group by x.service_id) k
                join service s on s.id = k.id
                """.formatted(metres) + coveringOnly("s");
    }

    // With a distance: a service that says where it serves must also cover the postal code.
    private static String coveringOnly(String service) {
        return """
                 and (not %2$s
                      or exists (select 1 from service_coverage c join pc on c.postal_code = pc.code
                                 and c.country = pc.country where c.service_id = %1$s.id))
                """.formatted(service, HsdsJson.hasServiceArea(service + "_cv", service + ".id"));
    }

    private static void serviceConditions(SqlBuilder sql, HsdsFilter filter, String s) {
        if (filter.search() != null) {
            String query = SEARCH.formatted(sql.param(filter.search()));
            sql.where(("%1$s.id in (select m.id from service m where " + SERVICE_MATCHES.formatted("m", query)
                            + " union all select m.id from service m join organization o on o.id = m.organization_id"
                            + " where " + ORGANIZATION_NAME_MATCHES.formatted(query) + ")")
                    .formatted(s));
        }
        if (filter.taxonomyTermId() != null) {
            sql.where("exists (select 1 from attribute a where a.link_entity = 'service' and a.link_id = %s.id"
                            .formatted(s)
                    + " and a.taxonomy_term_id = " + sql.param(filter.taxonomyTermId()) + ")");
        }
        if (filter.taxonomyId() != null) {
            sql.where("exists (select 1 from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id"
                    + " where a.link_entity = 'service' and a.link_id = %s.id".formatted(s)
                    + " and t.taxonomy_id = " + sql.param(filter.taxonomyId()) + ")");
        }
        if (filter.organizationId() != null) {
            sql.where(s + ".organization_id = " + sql.param(filter.organizationId()));
        }
        if (filter.modifiedAfter() != null) {
            sql.where(
                    s + ".last_modified >= " + sql.param(filter.modifiedAfter().atOffset(ZoneOffset.UTC)));
        }
    }

    // ------------------------------------------------------------------ service_at_locations

    public Uni<PageRows> findServiceAtLocations(HsdsFilter filter, HsdsShape shape, HsdsPaging paging) {
        SqlBuilder sql = new SqlBuilder();
        String pc = postalCte(sql, filter);
        String distance = "null::float8";
        StringBuilder from = new StringBuilder(
                " from service_at_location x join service s on s.id = x.service_id join location l on l.id = x.location_id");
        if (filter.place() != null) {
            from.append(" cross join pc");
            if (filter.proximity() != null) {
                distance = "st_distance(l.geog, pc.geog)";
                sql.where("st_dwithin(l.geog, pc.geog, " + sql.param(filter.proximity()) + ")");
                sql.where(coveringOnly("s").strip().substring("and ".length()));
            } else {
                sql.where("""
                        (exists (select 1 from service_coverage c where c.service_id = s.id
                                 and c.postal_code = pc.code and c.country = pc.country)
                         or (not %s
                             and exists (select 1 from address a where a.location_id = l.id
                                         and a.postal_code = pc.code and a.country = pc.country)))""".formatted(HsdsJson.hasServiceArea("sp", "s.id")));
            }
        }
        HsdsFilter onService = new HsdsFilter(
                filter.search(),
                filter.taxonomyTermId(),
                filter.taxonomyId(),
                filter.organizationId(),
                null,
                null,
                null);
        serviceConditions(sql, onService, "s");
        if (filter.modifiedAfter() != null) {
            String after = sql.param(filter.modifiedAfter().atOffset(ZoneOffset.UTC));
            sql.where("(s.last_modified >= " + after + " or l.last_modified >= " + after + ")");
        }
        String json = HsdsJson.serviceAtLocation("x", shape == HsdsShape.FULL);
        if (filter.proximity() != null) {
            json += " || jsonb_build_object('distance', round(p.distance::numeric, 1))";
        }
        String text =
                pc + "matched as " + materialization(filter) + " (select x.id, " + distance + " as distance" + from
                        + sql.whereClause() + ")"
                        + page(sql, filter, paging)
                        + """
                select (select count(*) from matched), (select count(*) from page),
                       (select coalesce(jsonb_agg(%s order by %s), '[]'::jsonb)::text
                        from page p join service_at_location x on x.id = p.id)
                """.formatted(json, pageOrder(filter));
        return pageOf(text, sql);
    }

    public Uni<Optional<String>> findServiceAtLocation(String id) {
        return one(
                "select " + HsdsJson.serviceAtLocation("x", true) + "::text from service_at_location x where x.id = $1",
                id);
    }

    // ------------------------------------------------------------------ organizations

    public Uni<PageRows> findOrganizations(HsdsFilter filter, HsdsShape shape, HsdsPaging paging) {
        SqlBuilder sql = new SqlBuilder();
        if (filter.search() != null) {
            sql.where(SERVICE_MATCHES.formatted("o", SEARCH.formatted(sql.param(filter.search()))));
        }
        // An organization is tagged with a term when it is, or when one of its services is.
        if (filter.taxonomyTermId() != null) {
            String term = sql.param(filter.taxonomyTermId());
            sql.where("(exists (select 1 from attribute a where a.link_entity = 'organization' and a.link_id = o.id"
                    + " and a.taxonomy_term_id = " + term + ")"
                    + " or exists (select 1 from service s join attribute a on a.link_entity = 'service'"
                    + " and a.link_id = s.id where s.organization_id = o.id and a.taxonomy_term_id = " + term + "))");
        }
        if (filter.taxonomyId() != null) {
            String taxonomy = sql.param(filter.taxonomyId());
            sql.where("(exists (select 1 from attribute a join taxonomy_term t on t.id = a.taxonomy_term_id"
                    + " where a.link_entity = 'organization' and a.link_id = o.id and t.taxonomy_id = " + taxonomy
                    + ") or exists (select 1 from service s join attribute a on a.link_entity = 'service'"
                    + " and a.link_id = s.id join taxonomy_term t on t.id = a.taxonomy_term_id"
                    + " where s.organization_id = o.id and t.taxonomy_id = " + taxonomy + "))");
        }
        String text = "with matched as not materialized (select o.id, null::float8 as distance from organization o"
                + sql.whereClause() + ")" + page(sql, filter, paging)
                + """
                select (select count(*) from matched), (select count(*) from page),
                       (select coalesce(jsonb_agg(%s order by %s), '[]'::jsonb)::text
                        from page p join organization o on o.id = p.id)
                """.formatted(organizationJson(shape), "p.id");
        return pageOf(text, sql);
    }

    /** An organization with its phones, locations, attributes and services (fully nested with full services). */
    public Uni<Optional<String>> findOrganization(String id, boolean fullServices) {
        return one(
                "select (%s)::text from organization o where o.id = $1"
                        .formatted(organizationJson(fullServices ? HsdsShape.FULL_SERVICE : HsdsShape.FULL)),
                id);
    }

    private static String organizationJson(HsdsShape shape) {
        return switch (shape) {
            case MINIMAL, BRIEF -> HsdsJson.organization("o", false);
            case FULL, FULL_SERVICE ->
                "(" + HsdsJson.organization("o", true) + " || jsonb_build_object('services', "
                        + HsdsJson.servicesOf("o", shape == HsdsShape.FULL_SERVICE) + "))";
        };
    }

    // ------------------------------------------------------------------ taxonomies

    public Uni<PageRows> findTaxonomies(String search, HsdsPaging paging) {
        SqlBuilder sql = new SqlBuilder();
        if (search != null) {
            String words = sql.param(search.toLowerCase(java.util.Locale.ROOT));
            sql.where("(strpos(lower(x.name), " + words + ") > 0 or strpos(lower(coalesce(x.doc ->> 'description',"
                    + " '')), " + words + ") > 0)");
        }
        String text = "with matched as not materialized (select x.id, null::float8 as distance from taxonomy x"
                + sql.whereClause()
                + ")" + page(sql, HsdsFilter.NONE, paging)
                + """
                select (select count(*) from matched), (select count(*) from page),
                       (select coalesce(jsonb_agg(%s order by %s), '[]'::jsonb)::text
                        from page p join taxonomy x on x.id = p.id)
                """.formatted(HsdsJson.taxonomy("x"), "p.id");
        return pageOf(text, sql);
    }

    public Uni<Optional<String>> findTaxonomy(String id) {
        return one("select " + HsdsJson.taxonomy("x") + "::text from taxonomy x where x.id = $1", id);
    }

    public Uni<PageRows> findTaxonomyTerms(
            String search, String taxonomyId, String parentId, boolean topOnly, HsdsPaging paging) {
        SqlBuilder sql = new SqlBuilder();
        if (search != null) {
            String words = sql.param(search.toLowerCase(java.util.Locale.ROOT));
            sql.where("(strpos(lower(t.name), " + words + ") > 0 or strpos(lower(coalesce(t.code, '')), " + words
                    + ") > 0 or strpos(lower(coalesce(t.doc ->> 'description', '')), " + words + ") > 0)");
        }
        if (taxonomyId != null) {
            sql.where("t.taxonomy_id = " + sql.param(taxonomyId));
        }
        if (parentId != null) {
            sql.where("t.parent_id = " + sql.param(parentId));
        }
        if (topOnly) {
            sql.where("t.parent_id is null");
        }
        String text = "with matched as not materialized (select t.id, null::float8 as distance from taxonomy_term t"
                + sql.whereClause() + ")" + page(sql, HsdsFilter.NONE, paging)
                + """
                select (select count(*) from matched), (select count(*) from page),
                       (select coalesce(jsonb_agg(%s order by %s), '[]'::jsonb)::text
                        from page p join taxonomy_term t on t.id = p.id)
                """.formatted(HsdsJson.taxonomyTerm("t"), "p.id");
        return pageOf(text, sql);
    }

    public Uni<Optional<String>> findTaxonomyTerm(String id) {
        return one("select " + HsdsJson.taxonomyTerm("t") + "::text from taxonomy_term t where t.id = $1", id);
    }

    // ------------------------------------------------------------------ shared

    private static String postalCte(SqlBuilder sql, HsdsFilter filter) {
        if (filter.place() == null) {
            return "with ";
        }
        return "with pc as (select country, code, geog from postal_code where country = "
                + sql.param(filter.place().country()) + " and code = "
                + sql.param(filter.place().code()) + "), ";
    }

    // The page of matched ids: nearest first when a distance is asked for, then by id (stable paging).
    private static String page(SqlBuilder sql, HsdsFilter filter, HsdsPaging paging) {
        String order = filter.proximity() != null ? "m.distance, m.id" : "m.id";
        return ", page as (select m.id, m.distance from matched m order by " + order + " limit "
                + sql.param(paging.perPage()) + " offset " + sql.param(paging.offset()) + ") ";
    }

    // The matches are read twice, for the count and for the page. Ordered by id, the page walks the primary key and
    // stops after per_page rows, so the matches are best not materialized; ordered by distance, or found by a
    // search, every match is computed anyway: once is enough.
    private static String materialization(HsdsFilter filter) {
        return filter.proximity() != null || filter.search() != null ? "materialized" : "not materialized";
    }

    private static String pageOrder(HsdsFilter filter) {
        return filter.proximity() != null ? "p.distance, p.id" : "p.id";
    }

    private Uni<PageRows> pageOf(String text, SqlBuilder sql) {
        return database.preparedQuery(text).execute(sql.tuple()).map(HsdsRepository::toPage);
    }

    private static PageRows toPage(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        return new PageRows(row.getLong(0), row.getLong(1).intValue(), row.getString(2));
    }

    private Uni<Optional<String>> one(String text, String id) {
        return database.preparedQuery(text)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.ofNullable(rows.iterator().next().getString(0)));
    }
}
