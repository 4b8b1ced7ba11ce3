package org.careloop.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.TestDirectory.capacityEventsWritten;
import static org.careloop.directory.exchange.Hsds.count;
import static org.careloop.directory.exchange.Hsds.counts;
import static org.careloop.directory.exchange.Hsds.export;
import static org.careloop.directory.exchange.Hsds.imported;
import static org.careloop.directory.exchange.Hsds.read;
import static org.careloop.directory.exchange.Hsds.resource;
import static org.careloop.directory.exchange.Hsds.row;
import static org.careloop.directory.exchange.Hsds.withoutLastModified;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.careloop.testing.CareLoopTestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Open Referral's published HSDS 3.1 examples (src/test/resources/hsds/3.1/examples, CC BY-SA 4.0): they import,
 * import again without any change, and come back out of the export as they went in.
 */
@QuarkusTest
@QuarkusTestResource(CareLoopTestInfrastructure.class)
class HsdsExamplesTests {

    private static final String ORGANIZATION = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
    private static final String SERVICE = "ac148810-d857-441c-9679-408f346de14b";

    @Inject
    Pool database;

    @Test
    void organizationExampleImportsAndImportingItAgainChangesNothing() {
        imported(resource("hsds/3.1/examples/organization_full.json"));
        OffsetDateTime serviceModified = lastModified("service", SERVICE);
        OffsetDateTime organizationModified = lastModified("organization", ORGANIZATION);
        long events = capacityEventsWritten(database, SERVICE);

        JsonNode again = imported(resource("hsds/3.1/examples/organization_full.json"));

        again.path("counts").forEach(c -> {
            assertThat(c.path("created").asInt()).isZero();
            assertThat(c.path("updated").asInt()).isZero();
            assertThat(c.path("deleted").asInt()).isZero();
        });
        assertThat(counts(again, "services").path("unchanged").asInt()).isEqualTo(1);
        assertThat(again.path("services_touched").asInt()).isZero();
        assertThat(lastModified("service", SERVICE)).isEqualTo(serviceModified);
        assertThat(lastModified("organization", ORGANIZATION)).isEqualTo(organizationModified);
        assertThat(capacityEventsWritten(database, SERVICE)).isEqualTo(events);
        // What the example holds, in the tables CareLoop queries.
        assertThat(row(database, "select organization_id, minimum_age, status from service where id = $1", SERVICE)
                        .toJson()
                        .getMap())
                .containsEntry("organization_id", ORGANIZATION)
                .containsEntry("minimum_age", 12)
                .containsEntry("status", "active");
        assertThat(count(
                        database,
                        "select count(*) from phone where id = '1554f2e2-a373-45db-a3fa-9fc48a61c15e'"
                                + " and service_id = $1 and organization_id = $2 and location_id is not null"
                                + " and service_at_location_id is not null",
                        SERVICE,
                        ORGANIZATION))
                .isEqualTo(1);
        assertThat(count(database, "select count(*) from language where code = 'ur' and service_id = $1", SERVICE))
                .isEqualTo(1);
        assertThat(count(
                        database,
                        "select count(*) from attribute where link_entity = 'service' and link_id = $1"
                                + " and taxonomy_term_id = '3f7b145d-84af-42d7-8fae-eaca714b02b2'",
                        SERVICE))
                .isEqualTo(1);
        assertThat(row(
                                database,
                                "select unit, reported_available, maximum from service_capacity where service_id = $1",
                                SERVICE)
                        .toJson()
                        .getMap())
                .containsEntry("unit", "Kilogram")
                .containsEntry("reported_available", 12);
        // Contacts, programs, funding... are not modelled: they stay in their owner's doc.
        assertThat(count(
                        database,
                        "select count(*) from organization where id = $1 and doc ? 'programs'"
                                + " and doc ? 'contacts' and not doc ? 'services' and not doc ? 'phones'",
                        ORGANIZATION))
                .isEqualTo(1);
    }

    @Test
    void organizationExampleComesBackOutOfTheNestedExportAsItWentIn() {
        imported(resource("hsds/3.1/examples/organization_full.json"));

        JsonNode exported = exportedOrganization();

        JsonNode expected = read(resource("hsds/3.1/examples/organization_full.json"));
        assertThat(withoutLastModified(exported)).isEqualTo(withoutLastModified(expected));
        assertThat(exported.path("last_modified").asText()).isNotEmpty();
        assertThat(exported.path("services").get(0).path("last_modified").asText())
                .isNotEmpty();
    }

    @Test
    void serviceExampleImportsAndComesBackAsItsOrganizationAndService() {
        JsonNode answer = imported(resource("hsds/3.1/examples/service_full.json"));
        assertThat(answer.path("counts").has("services")).isTrue();

        JsonNode exported = exportedOrganization();

        ObjectNode expected = (ObjectNode) read(resource("hsds/3.1/examples/service_full.json"));
        JsonNode expectedOrganization = expected.remove("organization");
        ObjectNode organization = ((ObjectNode) exported).deepCopy();
        JsonNode services = organization.remove("services");
        assertThat(withoutLastModified(organization)).isEqualTo(withoutLastModified(expectedOrganization));
        assertThat(withoutLastModified(services.get(0))).isEqualTo(withoutLastModified(expected));
    }

    @Test
    void exportedExampleImportsAgainWithoutChange() {
        imported(resource("hsds/3.1/examples/organization_full.json"));
        String nested = "[" + exportedOrganization() + "]";

        JsonNode again = imported(nested);

        assertThat(again.path("services_touched").asInt()).isZero();
        again.path("counts").forEach(c -> assertThat(
                        c.path("created").asInt() + c.path("updated").asInt())
                .isZero());
    }

    @Test
    void publishedCsvExampleIsRejectedForItsDanglingReferencesAndWritesNothing() {
        Map<String, String> files = new TreeMap<>();
        for (String table : List.of(
                "accessibility",
                "addresses",
                "attributes",
                "contacts",
                "cost_options",
                "funding",
                "languages",
                "locations",
                "metadata",
                "organization_identifiers",
                "organizations",
                "phones",
                "programs",
                "required_documents",
                "schedules",
                "service_areas",
                "service_at_location",
                "service_capacity",
                "services",
                "taxonomies",
                "taxonomy_terms",
                "units",
                "url")) {
            files.put(table + ".csv", resource("hsds/3.1/examples/csv/" + table + ".csv"));
        }
        long organizations = count(database, "select count(*) from organization");

        Response response = Hsds.importZip(Hsds.zip(files));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>(response.jsonPath().getList("errors.field"));
        assertThat(fields)
                .contains(
                        "service_capacities[id=8896b788-7b3e-11ef-8db9-7f3d040352b3]/service_id",
                        "locations[id=3a19ff88-4620-4d17-9830-ac1d859eb5d5]/organization_id",
                        "taxonomy_terms[id=3f7b145d-84af-42d7-8fae-eaca714b02b2]/taxonomy_id");
        assertThat(count(database, "select count(*) from organization")).isEqualTo(organizations);
    }

    private JsonNode exportedOrganization() {
        Response response = export("?format=nested");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        for (JsonNode organization : read(response.asString())) {
            if (organization.path("id").asText().equals(ORGANIZATION)) {
                return organization;
            }
        }
        throw new AssertionError("The export lacks organization " + ORGANIZATION);
    }

    private OffsetDateTime lastModified(String table, String id) {
        return row(database, "select last_modified from " + table + " where id = $1", id)
                .getOffsetDateTime(0);
    }
}
