package org.careloop.directory.hsds.repository;

/**
 * SQL expressions that build HSDS JSON from the directory's tables: an object is its doc (the fields as the feed sent
 * them) with its typed columns on top (the directory's truth: ids, links, status, a service's last_modified) and its
 * child rows as arrays, always present ([] when there are none). Brief forms carry only the one-to-one fields (the
 * HSDS list forms). Everything is correlated subqueries of one prepared statement: PostgreSQL plans it once per
 * connection and answers each child array from its index.
 *
 * <p>Each method takes the alias of the owner row and names its own rows after it, so nested levels never clash.
 */
final class HsdsJson {

    private HsdsJson() {}

    /** A JSON array of the docs of {@code table} rows whose {@code column} is the owner's id. */
    private static String docs(String table, String alias, String where) {
        return "(select coalesce(jsonb_agg(%2$s.doc || jsonb_build_object('id', %2$s.id) order by %2$s.id),"
                        .formatted(table, alias)
                + " '[]'::jsonb) from %1$s %2$s where %3$s)".formatted(table, alias, where);
    }

    /** The one-to-one fields of a doc (no arrays, no objects). */
    static String brief(String doc) {
        return "(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(" + doc
                + ") e where jsonb_typeof(e.value) not in ('array', 'object'))";
    }

    /** Attributes that tag the object ({@code entity} is its table), each with its taxonomy term. */
    static String attributes(String entity, String owner) {
        String a = owner + "_at";
        String t = owner + "_tt";
        return ("(select coalesce(jsonb_agg(%1$s.doc || jsonb_build_object('id', %1$s.id, 'link_id', %1$s.link_id,"
                        + " 'link_entity', %1$s.link_entity, 'taxonomy_term_id', %1$s.taxonomy_term_id,"
                        + " 'taxonomy_term', %2$s.doc || jsonb_build_object('id', %2$s.id)) order by %1$s.id),"
                        + " '[]'::jsonb) from attribute %1$s join taxonomy_term %2$s on %2$s.id = %1$s.taxonomy_term_id"
                        + " where %1$s.link_entity = '%3$s' and %1$s.link_id = %4$s.id)")
                .formatted(a, t, entity, owner);
    }

    static String languages(String column, String owner) {
        String l = owner + "_lg";
        return docs("language", l, l + "." + column + " = " + owner + ".id");
    }

    /** Phones of the owner, each with its languages. */
    static String phones(String column, String owner) {
        String p = owner + "_ph";
        return ("(select coalesce(jsonb_agg(%1$s.doc || jsonb_build_object('id', %1$s.id, 'number', %1$s.number,"
                        + " 'languages', %2$s) order by %1$s.id), '[]'::jsonb) from phone %1$s where %1$s.%3$s = %4$s.id)")
                .formatted(p, languages("phone_id", p), column, owner);
    }

    static String schedules(String column, String owner) {
        String s = owner + "_sc";
        return docs("schedule", s, s + "." + column + " = " + owner + ".id");
    }

    static String serviceAreas(String column, String owner) {
        String a = owner + "_sa";
        return docs("service_area", a, a + "." + column + " = " + owner + ".id");
    }

    /** A location row {@code l} with its addresses, phones, schedules, languages and attributes. */
    static String location(String l) {
        return ("(%1$s.doc || jsonb_strip_nulls(jsonb_build_object('id', %1$s.id, 'location_type', %1$s.location_type,"
                        + " 'organization_id', %1$s.organization_id)) || jsonb_build_object('addresses', %2$s,"
                        + " 'phones', %3$s, 'schedules', %4$s, 'languages', %5$s, 'attributes', %6$s))")
                .formatted(
                        l,
                        docs("address", l + "_ad", l + "_ad.location_id = " + l + ".id"),
                        phones("location_id", l),
                        schedules("location_id", l),
                        languages("location_id", l),
                        attributes("location", l));
    }

    /** A service_at_location row {@code x}: brief, or nested with its location, phones, schedules, areas. */
    static String serviceAtLocation(String x, boolean nested) {
        String ids = "jsonb_build_object('id', %1$s.id, 'service_id', %1$s.service_id, 'location_id', %1$s.location_id)"
                .formatted(x);
        if (!nested) {
            return "(" + brief(x + ".doc") + " || " + ids + ")";
        }
        String l = x + "_lc";
        return ("(%1$s.doc || %2$s || jsonb_build_object('location', (select %3$s from location %4$s where %4$s.id ="
                        + " %1$s.location_id), 'phones', %5$s, 'schedules', %6$s, 'service_areas', %7$s,"
                        + " 'attributes', %8$s))")
                .formatted(
                        x,
                        ids,
                        location(l),
                        l,
                        phones("service_at_location_id", x),
                        schedules("service_at_location_id", x),
                        serviceAreas("service_at_location_id", x),
                        attributes("service_at_location", x));
    }

    /**
     * CareLoop's tracked capacity of service {@code s} as HSDS service_capacity: {@code available} is what is free
     * now, after the places held; a capacity without a unit row names the unit's id as V3 derives it.
     */
    static String capacities(String s) {
        String c = s + "_cp";
        String u = s + "_un";
        return ("(select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', %1$s.id::text, 'service_id',"
                        + " %1$s.service_id, 'unit_id', %3$s, 'unit', coalesce(%2$s.doc, '{}'::jsonb) ||"
                        + " jsonb_build_object('id', %3$s, 'name', coalesce(%2$s.name, %1$s.unit)), 'available',"
                        + " %1$s.available, 'maximum', %1$s.maximum, 'description', %1$s.description, 'updated',"
                        + " hsds_time(%1$s.updated))) order by %1$s.id), '[]'::jsonb) from service_capacity %1$s"
                        + " left join unit %2$s on %2$s.id = %1$s.unit_id where %1$s.service_id = %4$s.id)")
                .formatted(
                        c,
                        u,
                        "coalesce(%1$s.unit_id, uuid_generate_v5(uuid_ns_url(), 'https://careloop.org/units/' ||"
                                        .formatted(c)
                                + " %1$s.unit)::text)".formatted(c),
                        s);
    }

    /** An organization row {@code o}: brief, its doc, or nested with phones, locations and attributes. */
    static String organization(String o, boolean nested) {
        String ids =
                "jsonb_build_object('id', %1$s.id, 'name', %1$s.name, 'description', %1$s.description)".formatted(o);
        if (!nested) {
            return "(" + brief(o + ".doc") + " || " + ids + ")";
        }
        String l = o + "_lc";
        return ("(%1$s.doc || %2$s || jsonb_build_object('phones', %3$s, 'locations', (select coalesce(jsonb_agg(%4$s"
                        + " order by %5$s.id), '[]'::jsonb) from location %5$s where %5$s.organization_id = %1$s.id),"
                        + " 'attributes', %6$s))")
                .formatted(o, ids, phones("organization_id", o), location(l), l, attributes("organization", o));
    }

    /**
     * A service row {@code s}: brief (one-to-one fields), or fully nested: its organization (the organization's own
     * document), service_at_locations with their locations, phones, schedules, service areas, languages,
     * capacities and attributes with their terms.
     */
    static String service(String s, boolean nested) {
        String typed = ("jsonb_build_object('id', %1$s.id, 'organization_id', %1$s.organization_id, 'name', %1$s.name,"
                        + " 'status', %1$s.status, 'last_modified', hsds_time(%1$s.last_modified))")
                .formatted(s);
        if (!nested) {
            return "(" + brief(s + ".doc") + " || " + typed + ")";
        }
        String o = s + "_or";
        String x = s + "_sl";
        return ("(%1$s.doc || %2$s || jsonb_build_object('organization', (select %3$s.doc || jsonb_build_object('id',"
                        + " %3$s.id, 'name', %3$s.name, 'description', %3$s.description) from organization %3$s where"
                        + " %3$s.id = %1$s.organization_id), 'service_at_locations', (select coalesce(jsonb_agg(%4$s"
                        + " order by %5$s.id), '[]'::jsonb) from service_at_location %5$s where %5$s.service_id ="
                        + " %1$s.id), 'phones', %6$s, 'schedules', %7$s, 'service_areas', %8$s, 'languages', %9$s,"
                        + " 'capacities', %10$s, 'attributes', %11$s))")
                .formatted(
                        s,
                        typed,
                        o,
                        serviceAtLocation(x, true),
                        x,
                        phones("service_id", s),
                        schedules("service_id", s),
                        serviceAreas("service_id", s),
                        languages("service_id", s),
                        capacities(s),
                        attributes("service", s));
    }

    /** Services of organization {@code o}, brief or fully nested, by id. */
    static String servicesOf(String o, boolean nested) {
        String s = o + "_sv";
        return "(select coalesce(jsonb_agg(%1$s order by %2$s.id), '[]'::jsonb) from service %2$s where %2$s.organization_id = %3$s.id)"
                .formatted(service(s, nested), s, o);
    }

    static String taxonomy(String x) {
        return "(%1$s.doc || jsonb_build_object('id', %1$s.id, 'name', %1$s.name))".formatted(x);
    }

    /** A taxonomy term row {@code t} with its taxonomy as taxonomy_detail. */
    static String taxonomyTerm(String t) {
        String x = t + "_tx";
        return ("(%1$s.doc || jsonb_strip_nulls(jsonb_build_object('id', %1$s.id, 'name', %1$s.name, 'taxonomy_id',"
                        + " %1$s.taxonomy_id, 'parent_id', %1$s.parent_id, 'code', %1$s.code)) || coalesce((select"
                        + " jsonb_build_object('taxonomy_detail', %2$s) from taxonomy %3$s where %3$s.id ="
                        + " %1$s.taxonomy_id), '{}'::jsonb))")
                .formatted(t, taxonomy(x), x);
    }

    /**
     * Whether the service whose id is {@code serviceId} says where it serves: a service area of its own or of one of
     * its service_at_locations. {@code alias} names the subqueries' rows.
     */
    static String hasServiceArea(String alias, String serviceId) {
        return ("(exists (select 1 from service_area %1$s_ha where %1$s_ha.service_id = %2$s) or exists (select 1"
                        + " from service_area %1$s_hb join service_at_location %1$s_hx on %1$s_hx.id ="
                        + " %1$s_hb.service_at_location_id where %1$s_hx.service_id = %2$s))")
                .formatted(alias, serviceId);
    }
}
