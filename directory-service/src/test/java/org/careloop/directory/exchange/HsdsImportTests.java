package org.careloop.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.TestDirectory.capacityEventsWritten;
import static org.careloop.directory.exchange.Hsds.count;
import static org.careloop.directory.exchange.Hsds.counts;
import static org.careloop.directory.exchange.Hsds.export;
import static org.careloop.directory.exchange.Hsds.importJson;
import static org.careloop.directory.exchange.Hsds.imported;
import static org.careloop.directory.exchange.Hsds.read;
import static org.careloop.directory.exchange.Hsds.resource;
import static org.careloop.directory.exchange.Hsds.row;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.testing.CareLoopTestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * HSDS import in its three forms, its checks, moves, capacity, idempotence and the export that reads it back. Category
 * of this class: health-insurance-coverage-status (through the seeded Open Eligibility mapping).
 */
@QuarkusTest
@QuarkusTestResource(CareLoopTestInfrastructure.class)
class HsdsImportTests {

    @Inject
    Pool database;

    static String id() {
        return UUID.randomUUID().toString();
    }

    static String organization(String id, String... services) {
        return """
                {"id": "%s", "name": "Organization %s", "description": "For tests.", "services": [%s]}""".formatted(id, id, String.join(",", services));
    }

    static String service(String id, String more) {
        return """
                {"id": "%s", "name": "Service %s", "status": "active"%s}""".formatted(id, id, more);
    }

    static String capacity(int available, int maximum) {
        return """
                , "capacities": [{"id": "%s", "available": %d, "maximum": %d, "updated": "2026-12-01T08:00:00Z",
                   "unit": {"id": "0c5b1f2e-0000-4000-8000-0000000000b1", "name": "bed"}}]""".formatted(id(), available, maximum);
    }

    @Test
    void flatFormFoldsUnmodelledObjectsIntoTheirOwnerAndRoundTrips() {
        String org = id();
        String svc = id();
        String taxonomy = id();
        String term = id();
        java.time.Instant before = now();
        String flat = """
                {"organizations": [{"id": "%1$s", "name": "Flat Org", "description": "Flat form."}],
                 "services": [{"id": "%2$s", "organization_id": "%1$s", "name": "Enrollment help", "status": "active"}],
                 "phones": [{"id": "%5$s", "service_id": "%2$s", "number": "617-555-0100"}],
                 "contacts": [{"id": "%6$s", "service_id": "%2$s", "name": "Ann Persona"}],
                 "meta_table_descriptions": [{"id": "x", "name": "ignored"}],
                 "taxonomies": [{"id": "%3$s", "name": "Open Eligibility", "description": "OE",
                                 "uri": "https://openeligibility.org"}],
                 "taxonomy_terms": [{"id": "%4$s", "name": "Health Insurance", "description": "Insurance help",
                                     "taxonomy_id": "%3$s"}],
                 "attributes": [{"id": "%7$s", "link_id": "%2$s", "link_entity": "service", "taxonomy_term_id": "%4$s"}],
                 "units": [{"id": "%8$s", "name": "household"}],
                 "service_capacities": [{"id": "%9$s", "service_id": "%2$s", "unit_id": "%8$s", "available": 4,
                                         "updated": "2026-12-01T08:00:00Z"}]}
                """.formatted(org, svc, taxonomy, term, id(), id(), id(), id(), id());

        JsonNode answer = imported(flat);

        assertThat(counts(answer, "services").path("created").asInt()).isEqualTo(1);
        assertThat(counts(answer, "phones").path("created").asInt()).isEqualTo(1);
        assertThat(answer.path("capacity_changed").asInt()).isEqualTo(1);
        assertThat(count(
                        database,
                        "select count(*) from service where id = $1 and doc -> 'contacts' -> 0 ->> 'name'"
                                + " = 'Ann Persona'",
                        svc))
                .isEqualTo(1);
        // Open Eligibility's "Health Insurance" reaches its need category through the seeded need mapping.
        assertThat(count(
                        database,
                        "select count(*) from service_category where service_id = $1"
                                + " and category = 'health-insurance-coverage-status'",
                        svc))
                .isEqualTo(1);
        assertThat(row(database, "select available from service_capacity where service_id = $1", svc)
                        .getInteger(0))
                .isEqualTo(4);
        long events = capacityEventsWritten(database, svc);
        assertThat(events).isEqualTo(1);

        Response exported = export("?format=flat&since=" + before);
        assertThat(exported.statusCode()).isEqualTo(200);
        JsonNode tables = read(exported.asString());
        assertThat(tables.path("services").findValuesAsText("id")).contains(svc);
        JsonNode again = imported(exported.asString());

        assertThat(again.path("services_touched").asInt()).as(again.toString()).isZero();
        again.path("counts").forEach(c -> assertThat(
                        c.path("created").asInt() + c.path("updated").asInt())
                .isZero());
        assertThat(capacityEventsWritten(database, svc)).isEqualTo(events);
    }

    @Test
    void ownCsvDatapackageImportsAndItsCsvExportImportsAgainUnchanged() {
        String service = "0c5b1f2e-0000-4000-8000-00000000c511";
        java.time.Instant before = now();
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : List.of(
                "datapackage.json",
                "organizations.csv",
                "services.csv",
                "locations.csv",
                "service_at_locations.csv",
                "addresses.csv",
                "phones.csv",
                "schedules.csv",
                "service_areas.csv",
                "languages.csv",
                "taxonomies.csv",
                "taxonomy_terms.csv",
                "attributes.csv",
                "units.csv",
                "service_capacities.csv",
                "contacts.csv")) {
            files.put(name, resource("exchange/csv/" + name));
        }

        Response response = Hsds.importZip(Hsds.zip(files));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        JsonNode answer = read(response.asString());
        assertThat(counts(answer, "services").path("created").asInt()).isEqualTo(2);
        assertThat(counts(answer, "languages").path("created").asInt()).isEqualTo(2);
        assertThat(row(
                                database,
                                "select minimum_age, assured_date::text, interpretation_services from service"
                                        + " where id = $1",
                                service)
                        .getInteger(0))
                .isEqualTo(18);
        assertThat(count(
                        database,
                        "select count(*) from service_category where service_id = $1"
                                + " and category = 'health-insurance-coverage-status'",
                        service))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "select count(*) from address where postal_code = '02118'"
                                + " and location_id = '0c5b1f2e-0000-4000-8000-00000000c521'"))
                .isEqualTo(1);
        assertThat(count(database, "select count(*) from service where id = $1 and doc ? 'contacts'", service))
                .isEqualTo(1);

        Response exported = export("?format=csv&since=" + before);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/zip");
        Map<String, String> entries = Hsds.unzip(exported.asByteArray());
        assertThat(entries).containsKeys("datapackage.json", "services.csv", "contacts.csv", "service_capacities.csv");
        assertThat(entries.get("services.csv")).contains(service).contains("Weekly Enrollment Clinic");
        Response again = Hsds.importZip(exported.asByteArray());

        assertThat(again.statusCode()).as(again.asString()).isEqualTo(200);
        JsonNode second = read(again.asString());
        assertThat(second.path("services_touched").asInt())
                .as(second.toString())
                .isZero();
    }

    @Test
    void invalidRecordsAreReportedWithTheirIdAndFieldPathAndNothingIsWritten() {
        String org = id();
        String bad = id();
        String area = id();
        String body = "["
                + organization(
                        org,
                        service(bad, ", \"minimum_age\": \"twelve\", \"assured_date\": \"last tuesday\""),
                        service(id(), """
                                , "service_areas": [{"id": "%s", "extent_type": "geojson",
                                   "extent": "{\\"type\\": \\"Polygon\\", \\"coordinates\\": [[[0, 0], [1, 1]]]}"}]""".formatted(area)))
                + "]";

        Response response = importJson(body, "");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = response.jsonPath().getList("errors.field");
        String prefix = "organizations[id=" + org + "]/services[id=" + bad + "]";
        assertThat(fields)
                .contains(prefix + "/minimum_age", prefix + "/assured_date")
                .anyMatch(f -> f.endsWith("service_areas[id=" + area + "]/extent"));
        assertThat(count(database, "select count(*) from organization where id = $1", org))
                .isZero();
    }

    @Test
    void brokenReferencesAreReportedAndNothingIsWritten() {
        String org = id();
        String svc = id();
        String orphan = id();
        String body = """
                {"organizations": [{"id": "%s", "name": "Refs", "description": "References."}],
                 "services": [{"id": "%s", "organization_id": "%s", "name": "S", "status": "active"},
                              {"id": "%s", "organization_id": "no-such-organization", "name": "T", "status": "active"}],
                 "attributes": [{"id": "%s", "link_id": "%s", "link_entity": "service",
                                 "taxonomy_term_id": "no-such-term"}]}
                """.formatted(org, svc, org, orphan, id(), svc);

        Response response = importJson(body, "");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        List<String> fields = response.jsonPath().getList("errors.field");
        assertThat(fields).contains("services[id=" + orphan + "]/organization_id");
        assertThat(fields).anyMatch(f -> f.startsWith("attributes[id=") && f.endsWith("/taxonomy_term_id"));
        assertThat(count(database, "select count(*) from organization where id = $1", org))
                .isZero();
        assertThat(count(database, "select count(*) from service where id = $1", svc))
                .isZero();
    }

    @Test
    void aServiceMovesToAnotherOrganizationOnlyWhenAskedTo() {
        String first = id();
        String second = id();
        String svc = id();
        imported("[" + organization(first, service(svc, "")) + "]");
        String moved = "[" + organization(second, service(svc, "")) + "]";

        Response refused = importJson(moved, "");

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("detail")).contains(svc);
        assertThat(refused.jsonPath().getString("errors[0].field"))
                .isEqualTo("services[id=" + svc + "]/organization_id");
        assertThat(refused.jsonPath().getString("errors[0].message"))
                .contains(first)
                .contains(second);
        assertThat(count(database, "select count(*) from organization where id = $1", second))
                .isZero();

        Response allowed = importJson(moved, "?allow_moves=true");

        assertThat(allowed.statusCode()).as(allowed.asString()).isEqualTo(200);
        assertThat(allowed.jsonPath().getString("moved[0].service_id")).isEqualTo(svc);
        assertThat(allowed.jsonPath().getString("moved[0].current_organization_id"))
                .isEqualTo(first);
        assertThat(row(database, "select organization_id from service where id = $1", svc)
                        .getString(0))
                .isEqualTo(second);
    }

    @Test
    void capacityIsAReportOnlyWhenItsFiguresChange() {
        String org = id();
        String svc = id();
        imported("[" + organization(org, service(svc, capacity(5, 10))) + "]");
        assertThat(capacityEventsWritten(database, svc)).isEqualTo(1);
        OffsetDateTime updated = row(database, "select updated from service_capacity where service_id = $1", svc)
                .getOffsetDateTime(0);

        JsonNode same = imported("[" + organization(org, service(svc, capacity(5, 10))) + "]");

        // A new capacity id in the feed is a new document, but the same figures are not a new report.
        assertThat(same.path("capacity_changed").asInt()).isZero();
        assertThat(capacityEventsWritten(database, svc)).isEqualTo(1);
        assertThat(row(database, "select updated from service_capacity where service_id = $1", svc)
                        .getOffsetDateTime(0))
                .isEqualTo(updated);

        imported("[" + organization(org, service(svc, capacity(3, 10))) + "]");

        assertThat(capacityEventsWritten(database, svc)).isEqualTo(2);
        assertThat(row(
                                database,
                                "select reported_available, baseline, available from service_capacity"
                                        + " where service_id = $1",
                                svc)
                        .toJson()
                        .getMap())
                .containsEntry("reported_available", 3)
                .containsEntry("baseline", 3)
                .containsEntry("available", 3);

        imported("[" + organization(org, service(svc, "")) + "]");

        assertThat(count(database, "select count(*) from service_capacity where service_id = $1", svc))
                .isZero();
        assertThat(capacityEventsWritten(database, svc)).isEqualTo(3);
    }

    @Test
    void exportSinceAnInstantHoldsOnlyWhatChangedAfterItInEveryForm() {
        String oldOrg = id();
        String oldSvc = id();
        String newOrg = id();
        String newSvc = id();
        imported("[" + organization(oldOrg, service(oldSvc, "")) + "]");
        java.time.Instant between = now();
        imported("[" + organization(newOrg, service(newSvc, "")) + "]");

        JsonNode nested = read(export("?since=" + between).asString());
        JsonNode flat = read(export("?format=flat&since=" + between).asString());
        Map<String, String> csv =
                Hsds.unzip(export("?format=csv&since=" + between).asByteArray());

        assertThat(nested.findValuesAsText("id")).contains(newOrg, newSvc).doesNotContain(oldOrg, oldSvc);
        assertThat(flat.path("services").findValuesAsText("id"))
                .contains(newSvc)
                .doesNotContain(oldSvc);
        assertThat(flat.path("organizations").findValuesAsText("id"))
                .contains(newOrg)
                .doesNotContain(oldOrg);
        assertThat(csv.get("services.csv")).contains(newSvc).doesNotContain(oldSvc);

        JsonNode everything = read(export("").asString());
        assertThat(everything.findValuesAsText("id")).contains(oldOrg, oldSvc, newOrg, newSvc);
        assertThat(export("?format=xml").statusCode()).isEqualTo(400);
        assertThat(export("?since=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void fiveThousandServicesImportInBatchesAndAgainWithoutChange() {
        List<String> organizations = new ArrayList<>();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        for (int o = 0; o < 50; o++) {
            List<String> services = new ArrayList<>();
            for (int s = 0; s < 100; s++) {
                String svc = "%s-0000-4000-8000-%012d".formatted(prefix, o * 100 + s);
                services.add(service(svc, """
                        , "minimum_age": 18, "phones": [{"id": "%s-p", "number": "617-555-0100"}],
                          "languages": [{"id": "%s-l", "code": "es", "name": "Spanish"}]""".formatted(svc, svc)));
            }
            organizations.add(
                    organization("%s-0000-4000-9000-%012d".formatted(prefix, o), services.toArray(String[]::new)));
        }
        String body = "[" + String.join(",", organizations) + "]";

        long started = System.nanoTime();
        JsonNode first = read(org.careloop.directory.TestDirectory.as("coordinator")
                .config(io.restassured.RestAssured.config()
                        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .setParam("http.socket.timeout", 600_000)))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/directory/hsds/import")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        io.quarkus.logging.Log.infof(
                "5,000 services (15,050 objects) imported in %d ms", (System.nanoTime() - started) / 1_000_000);

        assertThat(counts(first, "services").path("created").asInt()).isEqualTo(5000);
        assertThat(counts(first, "phones").path("created").asInt()).isEqualTo(5000);
        assertThat(count(database, "select count(*) from language where id like $1", prefix + "%"))
                .isEqualTo(5000);

        started = System.nanoTime();
        JsonNode second = imported(body);
        io.quarkus.logging.Log.infof(
                "The same 5,000 services imported again in %d ms", (System.nanoTime() - started) / 1_000_000);

        assertThat(counts(second, "services").path("unchanged").asInt()).isEqualTo(5000);
        assertThat(second.path("services_touched").asInt()).isZero();
    }

    @Test
    void onlyCoordinatorsAndOperatorsImportAndClinicsDoNotExport() {
        String body = "[" + organization(id()) + "]";
        assertThat(org.careloop.directory.TestDirectory.as("clinician")
                        .contentType("application/json")
                        .body(body)
                        .post("/api/v1/directory/hsds/import")
                        .statusCode())
                .isEqualTo(403);
        assertThat(io.restassured.RestAssured.given()
                        .contentType("application/json")
                        .body(body)
                        .post("/api/v1/directory/hsds/import")
                        .statusCode())
                .isEqualTo(401);
        assertThat(org.careloop.directory.TestDirectory.as("clinician")
                        .get("/api/v1/directory/hsds/export")
                        .statusCode())
                .isEqualTo(403);
        assertThat(importJson("{not json", "").statusCode()).isEqualTo(400);
    }

    private java.time.Instant now() {
        // The database's clock (last_modified is the import's time), a millisecond later than anything before.
        java.time.Instant now =
                row(database, "select clock_timestamp()").getOffsetDateTime(0).toInstant();
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return now;
    }
}
