package org.careloop.directory.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.demoBundle;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.directory.Events;
import org.careloop.directory.TestDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capacity reports, their baseline against held places, and who may make them. Category: material-hardship. */
@QuarkusTest
class ServiceCapacityTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool database;

    private String service;
    private String serviceWithoutCapacity;
    private ObjectNode foodBankBundle;

    /** Adds services to the demo's org-foodbank (whose staff hold org_id org-foodbank), keeping its demo fields. */
    @BeforeEach
    void importFoodBankServices() throws Exception {
        service = unique("svc-foodbank-diapers");
        serviceWithoutCapacity = unique("svc-foodbank-clothes");
        ObjectNode demo = (ObjectNode) JSON.readTree(demoBundle());
        ObjectNode foodbank = null;
        for (var org : demo.withArray("organizations")) {
            if (org.get("id").asText().equals("org-foodbank")) {
                foodbank = (ObjectNode) org.deepCopy();
            }
        }
        assertThat(foodbank).isNotNull();
        ArrayNode services = foodbank.putArray("services");
        services.addObject()
                .put("id", service)
                .put("name", "Diaper Bank")
                .put("status", "active")
                .set("categories", JSON.createArrayNode().add("material-hardship"));
        ((ObjectNode) services.get(0))
                .putObject("capacity")
                .put("unit", "household")
                .put("available", 5)
                .put("maximum", 10);
        services.addObject()
                .put("id", serviceWithoutCapacity)
                .put("name", "Clothing Closet")
                .put("status", "active")
                .set("categories", JSON.createArrayNode().add("material-hardship"));
        ObjectNode bundle = JSON.createObjectNode();
        bundle.putArray("organizations").add(foodbank);
        foodBankBundle = bundle;
        importBundle(JSON.writeValueAsString(bundle));
    }

    /** The food bank's bundle with this test's service reported at other figures. */
    private String withCapacity(int available, int maximum) throws Exception {
        ObjectNode changed = foodBankBundle.deepCopy();
        ObjectNode capacity = (ObjectNode) changed.at("/organizations/0/services/0/capacity");
        capacity.put("available", available).put("maximum", maximum);
        return JSON.writeValueAsString(changed);
    }

    /** Opens a referral for this test's service and waits until it holds a place; returns its id and need. */
    private UUID[] holdAPlace() {
        UUID referralId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Events.sendReferral(Events.referral(
                referralId, 1, "requested", null, needId, "material-hardship", "org-foodbank", service));
        await().atMost(Events.WAIT)
                .untilAsserted(() -> assertThat(TestDirectory.holds(service)).hasSize(1));
        return new UUID[] {referralId, needId};
    }

    @Test
    void aReportCountsThePlacesHeldNowOnTopOfItsFiguresAndIsPublished() {
        UUID[] referral = holdAPlace();
        assertThat(TestDirectory.available(service)).isEqualTo(4);

        // "7 places are free now" while one is held: 7 now, 8 once the referral ends.
        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body(capacity(7, 10))
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(200)
                .body("available", equalTo(7))
                .body("held", equalTo(1))
                .body("reported_available", equalTo(7));
        Events.sendReferral(Events.referral(
                referral[0], 2, "rejected", "requested", referral[1], "material-hardship", "org-foodbank", service));
        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(TestDirectory.available(service))
                .isEqualTo(8));
        var view = TestDirectory.serviceView(service);
        assertThat(view.getInt("capacity.held")).isZero();
        assertThat(view.getInt("capacity.maximum")).isEqualTo(10);

        await().atMost(Events.WAIT).untilAsserted(() -> assertThat(Events.capacityChanges(service))
                .extracting(c -> c.get("cause").asText())
                .containsExactly("import", "hold", "report", "release"));
        List<JsonNode> changes = Events.capacityChanges(service);
        assertThat(changes).extracting(c -> c.get("version").asLong()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(changes).extracting(c -> c.get("available").asInt()).containsExactly(5, 4, 7, 8);
    }

    @Test
    void anImportOfTheSameFiguresChangesNothingAndNewFiguresAreANewReport() throws Exception {
        holdAPlace();
        String before = as("clinician")
                .get("/api/v1/services/{id}", service)
                .then()
                .extract()
                .asString();

        importBundle(JSON.writeValueAsString(foodBankBundle));

        assertThat(as("clinician")
                        .get("/api/v1/services/{id}", service)
                        .then()
                        .extract()
                        .asString())
                .isEqualTo(before);
        assertThat(TestDirectory.capacityEventsWritten(database, service)).isEqualTo(2);

        importBundle(withCapacity(6, 10));

        var view = TestDirectory.serviceView(service);
        assertThat(view.getInt("capacity.available")).isEqualTo(6);
        assertThat(view.getInt("capacity.held")).isEqualTo(1);
        assertThat(view.getInt("capacity.reported_available")).isEqualTo(6);
        assertThat(Instant.parse(view.getString("capacity.updated")))
                .isAfter(Instant.parse(new JsonPath(before).getString("capacity.updated")));
        assertThat(TestDirectory.capacityEventsWritten(database, service)).isEqualTo(3);
    }

    private static String capacity(int available, int maximum) {
        return "{\"available\": %d, \"maximum\": %d}".formatted(available, maximum);
    }

    @Test
    void staffOfTheServicesOrganizationReportCapacity() {
        Instant before = Instant.parse(as("clinician")
                .get("/api/v1/services/{id}", service)
                .then()
                .extract()
                .path("capacity.updated"));

        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body(capacity(12, 40))
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(200)
                .body("available", equalTo(12))
                .body("maximum", equalTo(40))
                .body("unit", equalTo("household"))
                .body("updated", notNullValue());

        var after = as("clinician")
                .get("/api/v1/services/{id}", service)
                .then()
                .statusCode(200)
                .body("capacity.available", equalTo(12))
                .body("capacity.maximum", equalTo(40))
                .extract()
                .jsonPath();
        assertThat(Instant.parse(after.getString("capacity.updated"))).isAfterOrEqualTo(before);
    }

    @Test
    void coordinatorsReportCapacityOfAnyService() {
        as("coordinator")
                .contentType(ContentType.JSON)
                .body("{\"available\": 0}")
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(200)
                .body("available", equalTo(0))
                .body("maximum", nullValue());
    }

    @Test
    void staffOfAnotherOrganizationAreForbidden() {
        as("housing-staff")
                .contentType(ContentType.JSON)
                .body(capacity(1, 2))
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));

        as("clinician")
                .get("/api/v1/services/{id}", service)
                .then()
                .statusCode(200)
                .body("capacity.available", equalTo(5))
                .body("capacity.maximum", equalTo(10));
        assertThat(TestDirectory.capacityEventsWritten(database, service)).isEqualTo(1);
    }

    @Test
    void otherRolesAreForbiddenAndAnonymousCallersUnauthorized() {
        as("clinician")
                .contentType(ContentType.JSON)
                .body(capacity(1, 2))
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(capacity(1, 2))
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(401);
    }

    @Test
    void unknownServicesAnswer404() {
        as("coordinator")
                .contentType(ContentType.JSON)
                .body(capacity(1, 2))
                .put("/api/v1/services/{id}/capacity", "svc-does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsImpossibleFigures() {
        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body(capacity(5, 2))
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("maximum"));
        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body("{\"available\": -1}")
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("available"));
        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body("{\"maximum\": 3}")
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("available"));
        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(400);
        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body("{\"available\": 2, \"unit\": \"\"}")
                .put("/api/v1/services/{id}/capacity", service)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("unit"));

        // Nothing was written: the figures of the import, and no event beyond the import's.
        var view = TestDirectory.serviceView(service);
        assertThat(view.getInt("capacity.available")).isEqualTo(5);
        assertThat(view.getInt("capacity.maximum")).isEqualTo(10);
        assertThat(TestDirectory.capacityEventsWritten(database, service)).isEqualTo(1);
    }

    @Test
    void aFirstReportCreatesTheCapacity() {
        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body("{\"available\": 3}")
                .put("/api/v1/services/{id}/capacity", serviceWithoutCapacity)
                .then()
                .statusCode(200)
                .body("unit", equalTo("place"))
                .body("available", equalTo(3));

        as("foodbank-staff")
                .contentType(ContentType.JSON)
                .body("{\"available\": 4, \"maximum\": 9, \"unit\": \"bag\"}")
                .put("/api/v1/services/{id}/capacity", serviceWithoutCapacity)
                .then()
                .statusCode(200)
                .body("unit", equalTo("bag"))
                .body("available", equalTo(4))
                .body("maximum", equalTo(9));
    }
}
