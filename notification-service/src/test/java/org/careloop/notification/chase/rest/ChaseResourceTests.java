package org.careloop.notification.chase.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.notification.Api.PROBLEM;
import static org.careloop.notification.Api.as;
import static org.careloop.notification.Api.awaitChases;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.Api;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.ReferralEvents;
import org.junit.jupiter.api.Test;

/** The chases API: who sees which referral's chases, filters, paging and problems. */
@QuarkusTest
class ChaseResourceTests {

    private static final Instant FRIDAY = Instant.parse("2030-01-04T21:00:00Z");

    @Test
    void theOwnerOrganizationSeesItsReferralsChasesAndOthersGetNotFound() {
        ReferralChange requested = ReferralChange.requested(FRIDAY); // owned by org-foodbank
        ReferralEvents.send(requested);
        awaitChases(requested.referralId, c -> c.size() == 4);

        Api.chases("foodbank-staff", requested.referralId)
                .statusCode(200)
                .body("items", hasSize(4))
                .body("items.kind", hasItem("reminder"))
                .body("items.ownerOrganizationId", everyItem(equalTo("org-foodbank")));
        Api.chases("operator", requested.referralId).statusCode(200).body("totalItems", equalTo(4));
        Api.chases("housing-staff", requested.referralId)
                .statusCode(404)
                .contentType(PROBLEM)
                .body("detail", containsString(requested.referralId.toString()));
        for (String user : List.of("clinician", "integrator")) {
            Api.chases(user, requested.referralId).statusCode(403);
        }
        given().get("/api/v1/referrals/{id}/chases", requested.referralId)
                .then()
                .statusCode(401);
    }

    @Test
    void anUnknownReferralIsNotFound() {
        UUID unknown = UUID.randomUUID();
        Api.chases("coordinator", unknown).statusCode(404).contentType(PROBLEM);
        Api.chases("foodbank-staff", unknown).statusCode(404);
    }

    @Test
    void chasesAreListedAcrossReferralsWithFiltersAndPages() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);
        ReferralEvents.send(requested);
        awaitChases(requested.referralId, c -> c.size() == 4);

        as("coordinator")
                .queryParam("referralId", requested.referralId.toString())
                .queryParam("kind", "recall")
                .get("/api/v1/chases")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].kind", equalTo("recall"))
                .body("items[0].state", equalTo("PENDING"));
        List<String> due = as("operator")
                .queryParam("referralId", requested.referralId.toString())
                .queryParam("state", "PENDING")
                .queryParam("size", 2)
                .get("/api/v1/chases")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("totalItems", equalTo(4))
                .body("totalPages", equalTo(2))
                .extract()
                .jsonPath()
                .getList("items.dueAt");
        // Latest due first.
        assertThat(Instant.parse(due.get(0))).isAfter(Instant.parse(due.get(1)));
        as("operator")
                .queryParam("organizationId", "org-foodbank")
                .queryParam("kind", "reminder")
                .get("/api/v1/chases")
                .then()
                .statusCode(200)
                .body("items.ownerOrganizationId", everyItem(equalTo("org-foodbank")));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        as("coordinator")
                .queryParam("kind", "nagging")
                .get("/api/v1/chases")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("kind"));
        as("coordinator")
                .queryParam("state", "LATE")
                .get("/api/v1/chases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as("coordinator")
                .queryParam("referralId", "not-a-uuid")
                .get("/api/v1/chases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("referralId"));
        as("coordinator")
                .queryParam("size", 500)
                .get("/api/v1/chases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void onlyCoordinatorsAndOperatorsListAllChases() {
        for (String user : List.of("foodbank-staff", "clinician", "integrator")) {
            as(user).get("/api/v1/chases").then().statusCode(403).contentType(PROBLEM);
        }
        given().get("/api/v1/chases").then().statusCode(401);
    }
}
