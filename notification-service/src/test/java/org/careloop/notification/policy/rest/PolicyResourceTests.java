package org.careloop.notification.policy.rest;

import static io.restassured.RestAssured.given;
import static org.careloop.notification.Api.PROBLEM;
import static org.careloop.notification.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.notification.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The policy API: defaults seeded from configuration, organizations' own, bad input changes nothing, roles. */
@QuarkusTest
class PolicyResourceTests {

    private static final Map<String, Object> SECONDS =
            Map.of("remindAfter", "PT3S", "escalateAfter", "PT6S", "recallAfter", "PT9S", "businessTime", false);

    @Test
    void theDefaultPolicyIsSeededFromConfiguration() {
        as("operator")
                .get("/api/v1/policies/default")
                .then()
                .statusCode(200)
                .body("scope", equalTo("default"))
                .body("organizationId", nullValue())
                .body("remindAfter", equalTo("P1D"))
                .body("escalateAfter", equalTo("P2D"))
                .body("recallAfter", equalTo("P3D"))
                .body("outcomeUpdateAfter", equalTo("P14D"))
                .body("contactWindow", equalTo("P60D"))
                .body("contactWarningBefore", equalTo("P7D"))
                .body("businessTime", equalTo(true))
                .body("updatedBy", equalTo("configuration"));
        as("coordinator")
                .get("/api/v1/policies")
                .then()
                .statusCode(200)
                .body("items[0].scope", equalTo("default"))
                .body("page", equalTo(0));
    }

    @Test
    void anOrganizationGetsItsOwnPolicyOfSecondsAndLosesItAgain() {
        String organization = Api.knownOrganization("org-policy");
        policy(organization).statusCode(200).body("scope", equalTo("default")).body("remindAfter", equalTo("P1D"));

        as("coordinator")
                .body(SECONDS)
                .put("/api/v1/policies/organizations/{id}", organization)
                .then()
                .statusCode(200)
                .body("scope", equalTo("organization"))
                .body("organizationId", equalTo(organization))
                .body("remindAfter", equalTo("PT3S"))
                .body("escalateAfter", equalTo("PT6S"))
                .body("recallAfter", equalTo("PT9S"))
                .body("businessTime", equalTo(false))
                // Fields left out take the default's values.
                .body("outcomeUpdateAfter", equalTo("P14D"))
                .body("contactWindow", equalTo("P60D"))
                .body("updatedBy", equalTo("coordinator"));
        policy(organization)
                .statusCode(200)
                .body("scope", equalTo("organization"))
                .body("recallAfter", equalTo("PT9S"));
        as("operator")
                .queryParam("size", 200)
                .get("/api/v1/policies")
                .then()
                .statusCode(200)
                .body("items.organizationId", hasItem(organization));

        as("operator")
                .delete("/api/v1/policies/organizations/{id}", organization)
                .then()
                .statusCode(204);
        policy(organization).statusCode(200).body("scope", equalTo("default"));
        // Deleting again is harmless.
        as("operator")
                .delete("/api/v1/policies/organizations/{id}", organization)
                .then()
                .statusCode(204);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "remindAfter | soon | remindAfter",
                "remindAfter | -PT1S | remindAfter",
                "escalateAfter | PT0S | escalateAfter",
                "recallAfter | P1M | recallAfter",
                "recallAfter | PT5S | recallAfter",
                "contactWarningBefore | P90D | contactWarningBefore",
                "outcomeUpdateAfter | 14 days | outcomeUpdateAfter"
            })
    void aBadDurationIsAProblemNamingTheFieldAndChangesNothing(String field, String value, String faulty) {
        String organization = Api.knownOrganization("org-policy");
        Api.secondsPolicy(organization, SECONDS);
        Map<String, Object> body = new HashMap<>(SECONDS);
        body.put(field, value);

        as("coordinator")
                .body(body)
                .put("/api/v1/policies/organizations/{id}", organization)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(faulty))
                .body("detail", containsString(faulty));

        policy(organization)
                .body("remindAfter", equalTo("PT3S"))
                .body("escalateAfter", equalTo("PT6S"))
                .body("recallAfter", equalTo("PT9S"))
                .body("contactWarningBefore", equalTo("P7D"))
                .body("outcomeUpdateAfter", equalTo("P14D"));
    }

    @Test
    void aPolicyThatRecallsBeforeItRemindsNamesTheFieldsOutOfOrder() {
        String organization = Api.knownOrganization("org-policy");

        as("coordinator")
                .body(Map.of(
                        "remindAfter", "PT9S", "escalateAfter", "PT6S", "recallAfter", "PT3S", "businessTime", false))
                .put("/api/v1/policies/organizations/{id}", organization)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItems("escalateAfter", "recallAfter"));

        policy(organization).body("scope", equalTo("default"));
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemNamingTheField() {
        String organization = Api.knownOrganization("org-policy");

        as("coordinator")
                .body(Map.of("remindAfter", "PT3S", "businessTime", "sometimes"))
                .put("/api/v1/policies/organizations/{id}", organization)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("businessTime"));
        policy(organization).body("scope", equalTo("default"));
    }

    @Test
    void anUnknownOrganizationIsNotFoundNamingTheOrganizationAndNothingIsWritten() {
        String nobody = "org-nobody-knows-" + System.nanoTime();

        as("coordinator")
                .body(SECONDS)
                .put("/api/v1/policies/organizations/{id}", nobody)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("organizationId"))
                .body("detail", containsString(nobody));
        policy(nobody).statusCode(404).body("errors.field", hasItem("organizationId"));
        as("coordinator")
                .delete("/api/v1/policies/organizations/{id}", nobody)
                .then()
                .statusCode(404)
                .body("errors.field", hasItem("organizationId"));
        as("coordinator")
                .queryParam("size", 200)
                .get("/api/v1/policies")
                .then()
                .statusCode(200)
                .body("items.organizationId", not(hasItem(nobody)));
    }

    @Test
    void theDefaultPolicyCanBeChangedAndKeepsWhatIsLeftOut() {
        as("operator")
                .body(Map.of("remindAfter", "PT20H"))
                .put("/api/v1/policies/default")
                .then()
                .statusCode(200)
                .body("scope", equalTo("default"))
                .body("remindAfter", equalTo("PT20H"))
                .body("escalateAfter", equalTo("P2D"))
                .body("updatedBy", equalTo("operator"));
        try {
            as("operator")
                    .body(Map.of("remindAfter", "P3D"))
                    .put("/api/v1/policies/default")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItems("escalateAfter"));
            as("operator").get("/api/v1/policies/default").then().body("remindAfter", equalTo("PT20H"));
        } finally {
            as("operator")
                    .body(Map.of("remindAfter", "P1D"))
                    .put("/api/v1/policies/default")
                    .then()
                    .statusCode(200)
                    .body("remindAfter", equalTo("P1D"));
        }
    }

    @Test
    void onlyCoordinatorsAndOperatorsManagePolicies() {
        for (String user : List.of("foodbank-staff", "clinician", "integrator")) {
            as(user).get("/api/v1/policies").then().statusCode(403).contentType(PROBLEM);
            as(user).get("/api/v1/policies/default").then().statusCode(403);
            as(user).body(SECONDS).put("/api/v1/policies/default").then().statusCode(403);
            as(user).body(SECONDS)
                    .put("/api/v1/policies/organizations/org-foodbank")
                    .then()
                    .statusCode(403);
            as(user).delete("/api/v1/policies/organizations/org-foodbank")
                    .then()
                    .statusCode(403);
        }
        given().get("/api/v1/policies/default").then().statusCode(401);
    }

    private static ValidatableResponse policy(String organization) {
        return as("coordinator")
                .get("/api/v1/policies/organizations/{id}", organization)
                .then();
    }
}
