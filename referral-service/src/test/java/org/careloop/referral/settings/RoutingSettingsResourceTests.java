package org.careloop.referral.settings;

import static io.restassured.RestAssured.given;
import static org.careloop.referral.lifecycle.Fixtures.CLINIC;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A clinic's routing settings: who may read and set them, and what a bad request gets (nothing written). */
@QuarkusTest
class RoutingSettingsResourceTests {

    private static final String SETTINGS = "/api/v1/routing-settings/";
    private static final String PROBLEM = "application/problem+json";

    @AfterEach
    void everyCategoryAutoAgain() {
        put(List.of()).then().statusCode(200);
    }

    @Test
    void everyCategoryIsAutoUntilTheClinicChooses() {
        as("clinician")
                .get(SETTINGS + CLINIC)
                .then()
                .statusCode(200)
                .body("organizationId", equalTo(CLINIC))
                .body("sensitiveNeeds", equalTo("review"))
                .body("settings", hasSize(24))
                .body("settings.findAll { it.mode == 'auto' }", hasSize(24))
                .body("settings[0].updatedBy", nullValue());
    }

    @Test
    void theClinicSetsItsOwnSettingsAndTheListReplacesTheOldOne() {
        put(List.of(
                        Map.of("category", "veteran-status", "mode", "review"),
                        Map.of("category", "stress", "mode", "auto")))
                .then()
                .statusCode(200)
                .body("settings.find { it.category == 'veteran-status' }.mode", equalTo("review"))
                .body("settings.find { it.category == 'veteran-status' }.updatedBy", equalTo("clinician"))
                .body("settings.find { it.category == 'stress' }.mode", equalTo("auto"));
        // Coordinators and operators read any clinic's settings.
        for (String reader : List.of("coordinator", "operator")) {
            as(reader)
                    .get(SETTINGS + CLINIC)
                    .then()
                    .statusCode(200)
                    .body("settings.findAll { it.mode == 'review' }.category", containsInAnyOrder("veteran-status"));
        }
        put(List.of(Map.of("category", "social-connection", "mode", "review")))
                .then()
                .statusCode(200)
                .body("settings.findAll { it.mode == 'review' }.category", containsInAnyOrder("social-connection"));
    }

    @Test
    void unknownCategoriesModesAndRepeatsAre400sNamingTheFieldAndNothingIsWritten() {
        put(List.of(Map.of("category", "veteran-status", "mode", "review")))
                .then()
                .statusCode(200);

        put(List.of(
                        Map.of("category", "interpersonal-safety", "mode", "review"),
                        Map.of("category", "stress", "mode", "manual"),
                        Map.of("category", "stress", "mode", "auto")))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://careloop.org/problems/validation"))
                .body(
                        "errors.field",
                        containsInAnyOrder("settings[0].category", "settings[1].mode", "settings[2].category"));
        as("clinician")
                .body(Map.of("settings", List.of(Map.of("category", "stress"))))
                .put(SETTINGS + CLINIC)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("settings[0].mode"));
        as("clinician")
                .body(Map.of("settings", List.of(Map.of("category", "stress", "mode", 1))))
                .put(SETTINGS + CLINIC)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("settings[0].mode"));
        as("clinician")
                .body(Map.of())
                .put(SETTINGS + CLINIC)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("settings"));
        as("clinician")
                .body(Map.of("settings", List.of()))
                .put(SETTINGS + "not an id")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("organizationId"));

        as("clinician")
                .get(SETTINGS + CLINIC)
                .then()
                .statusCode(200)
                .body("settings.findAll { it.mode == 'review' }.category", containsInAnyOrder("veteran-status"));
    }

    @Test
    void onlyTheClinicSetsItsOwnAndOthersMayOnlyRead() {
        as("clinician")
                .get(SETTINGS + "org-westside-clinic")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        as("clinician")
                .body(Map.of("settings", List.of()))
                .put(SETTINGS + "org-westside-clinic")
                .then()
                .statusCode(403);
        for (String notAllowed : List.of("coordinator", "operator", "foodbank-staff", "integrator")) {
            as(notAllowed)
                    .body(Map.of("settings", List.of(Map.of("category", "stress", "mode", "review"))))
                    .put(SETTINGS + CLINIC)
                    .then()
                    .statusCode(403);
        }
        for (String notAllowed : List.of("foodbank-staff", "integrator")) {
            as(notAllowed).get(SETTINGS + CLINIC).then().statusCode(403);
        }
        given().get(SETTINGS + CLINIC).then().statusCode(401);
        as("clinician")
                .get(SETTINGS + CLINIC)
                .then()
                .statusCode(200)
                .body("settings.findAll { it.mode == 'review' }", hasSize(0));
    }

    private static io.restassured.response.Response put(List<? extends Map<String, ?>> settings) {
        return as("clinician").body(Map.of("settings", settings)).put(SETTINGS + CLINIC);
    }
}
