package org.careloop.directory.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.demoBundle;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capacity reports and who may make them. Category of this class: material-hardship. */
@QuarkusTest
class ServiceCapacityTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String service;
    private String serviceWithoutCapacity;

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
        importBundle(JSON.writeValueAsString(bundle));
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
