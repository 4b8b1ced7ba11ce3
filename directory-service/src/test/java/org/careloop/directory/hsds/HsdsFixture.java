package org.careloop.directory.hsds;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Arrays;

/**
 * Writes HSDS rows straight into the directory's tables for the HSDS API tests (the HSDS import is another feature):
 * each method inserts one object with its doc, as an import would have stored it.
 */
public final class HsdsFixture {

    private final Pool database;

    HsdsFixture(Pool database) {
        this.database = database;
    }

    void sql(String text, Object... values) {
        database.preparedQuery(text)
                .execute(Tuple.from(Arrays.asList(values)))
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    void organization(String id, String name, String description) {
        sql(
                "insert into organization (id, name, description, last_modified, doc) values ($1, $2, $3, now(),"
                        + " jsonb_build_object('id', $1::text, 'name', $2::text, 'description', $3::text,"
                        + " 'email', 'info@example.org', 'funding', jsonb_build_array(jsonb_build_object('id', $1::text"
                        + " || '-funding', 'source', 'County grant'))))",
                id,
                name,
                description);
    }

    void service(
            String id, String organizationId, String name, String description, String alternateName, String modified) {
        sql(
                "insert into service (id, organization_id, name, description, status, minimum_age, maximum_age,"
                        + " assured_date, last_modified, doc) values ($1, $2, $3, $4, 'active', 18, 99, '2026-11-01',"
                        + " ($6::text)::timestamptz, jsonb_strip_nulls(jsonb_build_object('id', $1::text, 'organization_id',"
                        + " $2::text, 'name', $3::text, 'description', $4::text, 'alternate_name', $5::text,"
                        + " 'status', 'active', 'minimum_age', 18, 'maximum_age', 99, 'assured_date', '2026-11-01',"
                        + " 'contacts', jsonb_build_array(jsonb_build_object('id', $1::text || '-contact',"
                        + " 'name', 'Intake desk')))))",
                id,
                organizationId,
                name,
                description,
                alternateName,
                modified);
    }

    /** A physical location with one address, and the service at it. */
    void serviceAt(
            String service,
            String organization,
            String location,
            double latitude,
            double longitude,
            String postalCode) {
        sql(
                "insert into location (id, organization_id, location_type, name, latitude, longitude, doc,"
                        + " last_modified) values ($1, $2, 'physical', 'Site ' || $1, $3, $4,"
                        + " jsonb_build_object('id', $1::text, 'location_type', 'physical', 'name', 'Site ' || $1,"
                        + " 'latitude', $3::float8, 'longitude', $4::float8), '2020-01-01T00:00:00Z')",
                location,
                organization,
                latitude,
                longitude);
        sql(
                "insert into address (id, location_id, address_type, city, state_province, postal_code, country, doc)"
                        + " values ($1 || '-address', $1, 'physical', 'Testville', 'TS', $2, 'US',"
                        + " jsonb_build_object('id', $1::text || '-address', 'location_id', $1::text, 'address_1',"
                        + " '1 Main Street', 'city', 'Testville', 'state_province', 'TS', 'postal_code', $2::text,"
                        + " 'country', 'US', 'address_type', 'physical'))",
                location,
                postalCode);
        sql(
                "insert into service_at_location (id, service_id, location_id, doc) values ($1 || '-at-' || $2, $1,"
                        + " $2, jsonb_build_object('id', $1::text || '-at-' || $2::text, 'description', 'Walk in'))",
                service,
                location);
    }

    void phoneWithLanguage(String service, String language) {
        sql(
                "insert into phone (id, service_id, number, doc) values ($1 || '-phone', $1, '555-0100',"
                        + " jsonb_build_object('id', $1::text || '-phone', 'number', '555-0100', 'type', 'voice'))",
                service);
        sql(
                "insert into language (id, phone_id, code, name, doc) values ($1 || '-phone-lang', $1 || '-phone', $2,"
                        + " 'Spanish', jsonb_build_object('id', $1::text || '-phone-lang', 'code', $2::text,"
                        + " 'name', 'Spanish'))",
                service,
                language);
        sql(
                "insert into language (id, service_id, code, name, doc) values ($1 || '-lang', $1, $2, 'Spanish',"
                        + " jsonb_build_object('id', $1::text || '-lang', 'service_id', $1::text, 'code', $2::text,"
                        + " 'name', 'Spanish'))",
                service,
                language);
    }

    void weeklySchedule(String service) {
        sql(
                "insert into schedule (id, service_id, doc) values ($1 || '-schedule', $1, jsonb_build_object('id',"
                        + " $1::text || '-schedule', 'service_id', $1::text, 'freq', 'WEEKLY', 'byday', 'MO,WE',"
                        + " 'opens_at', '09:00', 'closes_at', '17:00'))",
                service);
    }

    void capacity(String service, int baseline, int held, Integer maximum) {
        sql(
                "insert into service_capacity (id, service_id, unit, reported_available, baseline, held, maximum,"
                        + " updated) values (gen_random_uuid(), $1, 'bed', $2, $2, $3, $4, '2026-11-01T08:00:00Z')",
                service,
                baseline,
                held,
                maximum);
    }

    /** A service area (its coverage rows are written by {@link #covers}). */
    void serviceArea(String service, String postalCodes) {
        sql(
                "insert into service_area (id, service_id, name, extent, extent_type, doc) values ($1 || '-area', $1,"
                        + " 'Postal codes', $2, 'postal_codes', jsonb_build_object('id', $1::text || '-area',"
                        + " 'service_id', $1::text, 'name', 'Postal codes', 'extent', $2::text,"
                        + " 'extent_type', 'postal_codes'))",
                service,
                postalCodes);
    }

    void covers(String service, String postalCode) {
        sql(
                "insert into service_coverage (postal_code, country, service_id) values ($1, 'US', $2)",
                postalCode,
                service);
    }

    void postalCode(String code, double latitude, double longitude) {
        sql(
                "insert into postal_code (country, code, locality, county, state, latitude, longitude)"
                        + " values ('US', $1, 'Testville', 'Test', 'TS', $2, $3)",
                code,
                latitude,
                longitude);
    }

    void taxonomy(String id, String name) {
        sql(
                "insert into taxonomy (id, name, doc) values ($1, $2, jsonb_build_object('id', $1::text, 'name',"
                        + " $2::text, 'description', 'A taxonomy of the HSDS API tests'))",
                id,
                name);
    }

    void term(String id, String taxonomy, String parent, String code, String name) {
        sql(
                "insert into taxonomy_term (id, taxonomy_id, parent_id, code, name, doc) values ($1, $2, $3, $4, $5,"
                        + " jsonb_strip_nulls(jsonb_build_object('id', $1::text, 'taxonomy_id', $2::text, 'parent_id',"
                        + " $3::text, 'code', $4::text, 'name', $5::text, 'description', 'Term ' || $5::text)))",
                id,
                taxonomy,
                parent,
                code,
                name);
    }

    void tag(String entity, String id, String term) {
        sql(
                "insert into attribute (id, link_id, link_type, link_entity, taxonomy_term_id, doc) values"
                        + " ($1 || '-' || $3, $1, 'type', $2, $3, jsonb_build_object('id', $1::text || '-' || $3::text,"
                        + " 'link_id', $1::text, 'link_type', 'type', 'link_entity', $2::text, 'taxonomy_term_id',"
                        + " $3::text))",
                id,
                entity,
                term);
    }
}
