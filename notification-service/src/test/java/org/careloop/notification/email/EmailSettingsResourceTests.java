package org.careloop.notification.email;

import static io.restassured.RestAssured.given;
import static org.careloop.notification.Api.PROBLEM;
import static org.careloop.notification.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The e-mail settings API: own organization only, any for coordinators and operators; bad input writes nothing. */
@QuarkusTest
class EmailSettingsResourceTests {

    private static final String PATH = "/api/v1/organizations/{id}/email-settings";

    @Test
    void coordinatorsSetReadAndRemoveAnyOrganizationsSettings() {
        String organization = organization();
        settings("coordinator", organization)
                .statusCode(404)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("organizationId"));

        as("coordinator")
                .body(Map.of("address", "referrals@pantry.example.org", "enabled", true, "language", "es"))
                .put(PATH, organization)
                .then()
                .statusCode(200)
                .body("organizationId", equalTo(organization))
                .body("address", equalTo("referrals@pantry.example.org"))
                .body("enabled", equalTo(true))
                .body("language", equalTo("es"))
                // The default types: what a community organization acts on.
                .body("types", contains("referral.requested", "referral.reminder", "referral.recalled"))
                .body("updatedBy", equalTo("coordinator"));
        settings("operator", organization).statusCode(200).body("language", equalTo("es"));

        // A PUT replaces: fields left out take their defaults.
        as("operator")
                .body(Map.of("address", "intake@pantry.example.org", "types", List.of("referral.status-changed")))
                .put(PATH, organization)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("language", equalTo("en"))
                .body("types", contains("referral.status-changed"))
                .body("updatedBy", equalTo("operator"));
        settings("coordinator", organization).body("address", equalTo("intake@pantry.example.org"));

        as("operator").delete(PATH, organization).then().statusCode(204);
        settings("coordinator", organization).statusCode(404);
        as("operator").delete(PATH, organization).then().statusCode(204);
    }

    @Test
    void staffClinicsAndIntegratorsManageTheirOwnOrganizationOnly() {
        Map<String, Object> body = Map.of("address", "referrals@foodbank.example.org", "enabled", true);
        for (String[] userAndOrg :
                new String[][] {{"foodbank-staff", "org-foodbank"}, {"clinician", "org-eastside-clinic"}}) {
            String user = userAndOrg[0];
            String own = userAndOrg[1];
            try {
                as(user).body(body).put(PATH, own).then().statusCode(200).body("updatedBy", equalTo(user));
                settings(user, own).statusCode(200).body("enabled", equalTo(true));

                String other = user.equals("clinician") ? "org-foodbank" : "org-eastside-clinic";
                as(user).body(body).put(PATH, other).then().statusCode(403).contentType(PROBLEM);
                settings(user, other).statusCode(403).contentType(PROBLEM);
                as(user).delete(PATH, other).then().statusCode(403).contentType(PROBLEM);
            } finally {
                as(user).delete(PATH, own).then().statusCode(204);
            }
        }
        // The integrator demo user's token carries no organization: it may manage no organization's settings.
        as("integrator")
                .body(body)
                .put(PATH, "org-foodbank")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        settings("integrator", "org-foodbank").statusCode(403);
        given().get(PATH, "org-foodbank").then().statusCode(401);
        settings("coordinator", "org-eastside-clinic").statusCode(404);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "address | Food Bank <team@example.org> | address",
                "address | not-an-address | address",
                "language | fr | language",
                "language | EN | language",
                "types | referral.exploded | types[1]"
            })
    void badSettingsAreProblemsNamingTheFieldAndChangeNothing(String field, String value, String faulty) {
        String organization = organization();
        Map<String, Object> good = Map.of("address", "before@pantry.example.org", "enabled", true);
        as("coordinator").body(good).put(PATH, organization).then().statusCode(200);

        Map<String, Object> body = new HashMap<>(good);
        body.put(field, field.equals("types") ? List.of("referral.requested", value) : value);
        as("coordinator")
                .body(body)
                .put(PATH, organization)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(faulty))
                .body("detail", containsString(faulty));

        settings("coordinator", organization)
                .statusCode(200)
                .body("address", equalTo("before@pantry.example.org"))
                .body("language", equalTo("en"));
    }

    @Test
    void aMissingAddressAWrongTypeAndAnOverlongAddressAreProblemsToo() {
        String organization = organization();
        as("coordinator")
                .body(Map.of("enabled", true))
                .put(PATH, organization)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("address"));
        as("coordinator")
                .body(Map.of("address", "team@example.org\r\nBcc: x@example.org", "enabled", true))
                .put(PATH, organization)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("address"))
                .body("errors.message", hasItem(containsString("line breaks")));
        as("coordinator")
                .body(Map.of("address", "team@example.org", "enabled", "yes"))
                .put(PATH, organization)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("enabled"));
        as("coordinator")
                .body(Map.of(
                        "address",
                        "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(60) + ".org"))
                .put(PATH, organization)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("address"))
                .body("errors.message", hasItem(containsString("254")));
        as("coordinator")
                .body(Map.of("address", "x@example.org", "types", Arrays.asList("referral.requested", null)))
                .put(PATH, organization)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("types[1]"));
        as("coordinator")
                .body(Map.of("address", "team@example.org"))
                .put(PATH, "Not An Id")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("organizationId"));
        settings("coordinator", organization).statusCode(404);
    }

    private static String organization() {
        return "org-mail-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ValidatableResponse settings(String user, String organization) {
        return as(user).get(PATH, organization).then();
    }
}
