package org.careloop.notification.calendar.rest;

import static io.restassured.RestAssured.given;
import static org.careloop.notification.Api.PROBLEM;
import static org.careloop.notification.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.careloop.notification.Api;
import org.junit.jupiter.api.Test;

/** The calendar API: the seeded default, organizations' own, bad input changes nothing, roles. */
@QuarkusTest
class CalendarResourceTests {

    @Test
    void theDefaultCalendarIsSeededFromConfiguration() {
        as("coordinator")
                .get("/api/v1/calendars/default")
                .then()
                .statusCode(200)
                .body("scope", equalTo("default"))
                .body("organizationId", nullValue())
                .body("zone", equalTo("America/New_York"))
                .body("workingDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"))
                .body("holidays", empty())
                .body("updatedBy", equalTo("configuration"));
        as("operator").get("/api/v1/calendars").then().statusCode(200).body("items[0].scope", equalTo("default"));
    }

    @Test
    void anOrganizationGetsItsOwnCalendar() {
        String organization = Api.knownOrganization("org-calendar");
        calendar(organization).statusCode(200).body("scope", equalTo("default"));

        as("operator")
                .body(Map.of(
                        "zone",
                        "Europe/Paris",
                        "workingDays",
                        List.of("mon", "Tuesday", "WED", "thu"),
                        "holidays",
                        List.of("2026-12-25", "2026-05-01")))
                .put("/api/v1/calendars/organizations/{id}", organization)
                .then()
                .statusCode(200)
                .body("scope", equalTo("organization"))
                .body("organizationId", equalTo(organization))
                .body("zone", equalTo("Europe/Paris"))
                .body("workingDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"))
                .body("holidays", contains("2026-05-01", "2026-12-25"))
                .body("updatedBy", equalTo("operator"));
        // Fields left out take the default's values.
        as("operator")
                .body(Map.of("zone", "America/Chicago"))
                .put("/api/v1/calendars/organizations/{id}", organization)
                .then()
                .statusCode(200)
                .body("workingDays", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        as("operator")
                .queryParam("size", 200)
                .get("/api/v1/calendars")
                .then()
                .body("items.organizationId", hasItem(organization));

        as("coordinator")
                .delete("/api/v1/calendars/organizations/{id}", organization)
                .then()
                .statusCode(204);
        calendar(organization).body("scope", equalTo("default")).body("zone", equalTo("America/New_York"));
    }

    @Test
    void badInputIsAProblemNamingEachFieldAndChangesNothing() {
        String organization = Api.knownOrganization("org-calendar");
        as("operator")
                .body(Map.of("zone", "Europe/Paris"))
                .put("/api/v1/calendars/organizations/{id}", organization)
                .then()
                .statusCode(200);

        as("operator")
                .body(Map.of(
                        "zone",
                        "Mars/Olympus_Mons",
                        "workingDays",
                        List.of("MONDAY", "Funday"),
                        "holidays",
                        List.of("2026-02-30")))
                .put("/api/v1/calendars/organizations/{id}", organization)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("zone", "workingDays[1]", "holidays[0]"));
        as("operator")
                .body(Map.of("workingDays", List.of()))
                .put("/api/v1/calendars/organizations/{id}", organization)
                .then()
                .statusCode(400)
                .body("errors.field", contains("workingDays"));
        as("operator")
                .body(Map.of("zone", "EST5EDT-not-a-zone"))
                .put("/api/v1/calendars/default")
                .then()
                .statusCode(400)
                .body("errors.field", contains("zone"));

        calendar(organization).body("zone", equalTo("Europe/Paris")).body("holidays", empty());
        as("operator").get("/api/v1/calendars/default").then().body("zone", equalTo("America/New_York"));
    }

    @Test
    void anUnknownOrganizationIsNotFoundNamingTheOrganization() {
        String nobody = "org-nobody-knows-" + System.nanoTime();

        as("operator")
                .body(Map.of("zone", "Europe/Paris"))
                .put("/api/v1/calendars/organizations/{id}", nobody)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("organizationId"));
        calendar(nobody).statusCode(404);
        as("operator")
                .delete("/api/v1/calendars/organizations/{id}", nobody)
                .then()
                .statusCode(404);
    }

    @Test
    void onlyCoordinatorsAndOperatorsManageCalendars() {
        for (String user : List.of("housing-staff", "clinician", "integrator")) {
            as(user).get("/api/v1/calendars").then().statusCode(403).contentType(PROBLEM);
            as(user).body(Map.of("zone", "UTC"))
                    .put("/api/v1/calendars/default")
                    .then()
                    .statusCode(403);
        }
        given().get("/api/v1/calendars").then().statusCode(401);
    }

    private static ValidatableResponse calendar(String organization) {
        return as("coordinator")
                .get("/api/v1/calendars/organizations/{id}", organization)
                .then();
    }
}
