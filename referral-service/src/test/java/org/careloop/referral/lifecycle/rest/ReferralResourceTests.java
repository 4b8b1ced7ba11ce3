package org.careloop.referral.lifecycle.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.referral.lifecycle.Fixtures.CLINIC;
import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.HOUSING;
import static org.careloop.referral.lifecycle.Fixtures.REFERRALS;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.awaitReferralUpdated;
import static org.careloop.referral.lifecycle.Fixtures.awaitReferrals;
import static org.careloop.referral.lifecycle.Fixtures.listByScreening;
import static org.careloop.referral.lifecycle.Fixtures.match;
import static org.careloop.referral.lifecycle.Fixtures.needsMatched;
import static org.careloop.referral.lifecycle.Fixtures.newReferral;
import static org.careloop.referral.lifecycle.Fixtures.send;
import static org.careloop.referral.lifecycle.Fixtures.statusBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.careloop.testing.CareLoopTestInfrastructure;
import org.careloop.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The referral API against real PostgreSQL, Kafka and Keycloak, with the demo users' tokens. */
@QuarkusTest
@QuarkusTestResource(CareLoopTestInfrastructure.class)
class ReferralResourceTests {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMatchedNeedBecomesARequestedReferralOfTheOwnerOrganization() {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        send(
                screeningId.toString(),
                UUID.randomUUID(),
                needsMatched(screeningId, true, List.of(match(needId, "food-insecurity", FOODBANK))));

        JsonPath referral = awaitReferrals(screeningId, 1).get(0);
        String id = referral.getString("id");
        as("foodbank-staff")
                .get(REFERRALS + "/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("status", equalTo("requested"))
                .body("statusReason", nullValue())
                .body("screeningId", equalTo(screeningId.toString()))
                .body("needId", equalTo(needId.toString()))
                .body("patientId", equalTo("patient-" + screeningId))
                .body("category", equalTo("food-insecurity"))
                .body("requesterOrganizationId", equalTo(CLINIC))
                .body("ownerOrganizationId", equalTo(FOODBANK))
                .body("serviceId", equalTo("svc-org-foodbank-food-insecurity"))
                .body("createdAt", not(nullValue()))
                .body("updatedAt", equalTo(referral.getString("createdAt")));
        JsonPath ownList = listByScreening("foodbank-staff", screeningId);
        assertThat(ownList.getList("items.id", String.class)).containsExactly(id);

        JsonNode event = awaitReferralUpdated(id, 1);
        assertThat(event.path("status").asText()).isEqualTo("requested");
        assertThat(event.path("previousStatus").isNull()).isTrue();
        assertThat(event.path("needId").asText()).isEqualTo(needId.toString());
        assertThat(event.path("ownerOrganizationId").asText()).isEqualTo(FOODBANK);

        as("foodbank-staff")
                .get(REFERRALS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].version", equalTo(1))
                .body("items[0].fromStatus", nullValue())
                .body("items[0].toStatus", equalTo("requested"))
                .body("items[0].changedBy", equalTo("/careloop/test"));
    }

    @Test
    void anotherCommunityOrganizationCannotSeeOrTouchTheReferral() {
        JsonPath referral = newReferral(FOODBANK);
        String id = referral.getString("id");
        UUID screeningId = UUID.fromString(referral.getString("screeningId"));

        assertThat(listByScreening("housing-staff", screeningId).getInt("totalItems"))
                .isZero();
        assertThat(as("housing-staff").get(REFERRALS).jsonPath().getList("items.id", String.class))
                .doesNotContain(id);
        as("housing-staff")
                .get(REFERRALS + "/" + id)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("type", equalTo("https://careloop.org/problems/not-found"));
        as("housing-staff").get(REFERRALS + "/" + id + "/history").then().statusCode(404);
        as("housing-staff")
                .body(statusBody("accepted", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(404);
        // Out of scope is indistinguishable from unknown.
        String unknown = as("housing-staff")
                .get(REFERRALS + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .extract()
                .path("title");
        as("housing-staff").get(REFERRALS + "/" + id).then().body("title", equalTo(unknown));
    }

    @Test
    void eachCallerListsOnlyTheirOwnReferrals() {
        UUID screeningId = UUID.randomUUID();
        send(
                screeningId.toString(),
                UUID.randomUUID(),
                needsMatched(
                        screeningId,
                        true,
                        List.of(
                                match(UUID.randomUUID(), "food-insecurity", FOODBANK),
                                match(UUID.randomUUID(), "housing-instability", HOUSING))));
        awaitReferrals(screeningId, 2);

        assertThat(listByScreening("foodbank-staff", screeningId).getList("items.ownerOrganizationId"))
                .containsExactly(FOODBANK);
        assertThat(listByScreening("housing-staff", screeningId).getList("items.ownerOrganizationId"))
                .containsExactly(HOUSING);
        assertThat(listByScreening("transit-staff", screeningId).getInt("totalItems"))
                .isZero();
        assertThat(listByScreening("clinician", screeningId).getList("items.ownerOrganizationId"))
                .containsExactlyInAnyOrder(FOODBANK, HOUSING);
        assertThat(listByScreening("coordinator", screeningId).getInt("totalItems"))
                .isEqualTo(2);
        assertThat(listByScreening("operator", screeningId).getInt("totalItems"))
                .isEqualTo(2);
        JsonPath all =
                as("foodbank-staff").queryParam("size", 200).get(REFERRALS).jsonPath();
        assertThat(all.getList("items.ownerOrganizationId", String.class)).containsOnly(FOODBANK);
    }

    @Test
    void listsAreNewestFirstAndPaged() {
        UUID screeningId = UUID.randomUUID();
        send(
                screeningId.toString(),
                UUID.randomUUID(),
                needsMatched(
                        screeningId,
                        true,
                        List.of(
                                match(UUID.randomUUID(), "food-insecurity", FOODBANK),
                                match(UUID.randomUUID(), "housing-instability", HOUSING),
                                match(UUID.randomUUID(), "transportation-insecurity", "org-transit"))));
        List<JsonPath> referrals = awaitReferrals(screeningId, 3);
        List<String> createdAt =
                referrals.stream().map(r -> r.getString("createdAt")).toList();
        assertThat(createdAt)
                .isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));

        JsonPath first = as("coordinator")
                .queryParam("screeningId", screeningId.toString())
                .queryParam("size", 2)
                .get(REFERRALS)
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .extract()
                .jsonPath();
        JsonPath second = as("coordinator")
                .queryParam("screeningId", screeningId.toString())
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get(REFERRALS)
                .jsonPath();
        List<String> ids = new java.util.ArrayList<>(first.getList("items.id", String.class));
        ids.addAll(second.getList("items.id", String.class));
        assertThat(ids)
                .containsExactlyElementsOf(
                        referrals.stream().map(r -> r.getString("id")).toList());
    }

    @Test
    void theOwnerAcceptsAndTheRequestingClinicCancels() {
        String id = newReferral(FOODBANK).getString("id");

        as("foodbank-staff")
                .body(statusBody("accepted", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("accepted"))
                .body("version", equalTo(2))
                .body("statusReason", nullValue());
        JsonNode accepted = awaitReferralUpdated(id, 2);
        assertThat(accepted.path("status").asText()).isEqualTo("accepted");
        assertThat(accepted.path("previousStatus").asText()).isEqualTo("requested");

        as("foodbank-staff")
                .body(statusBody("accepted", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://careloop.org/problems/invalid-transition"))
                .body("detail", containsString("from accepted to accepted"));

        as("foodbank-staff")
                .body(statusBody("rejected", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("reason"));

        as("clinician")
                .body(statusBody("in-progress", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("type", equalTo("https://careloop.org/problems/forbidden"));

        as("clinician")
                .body(statusBody("cancelled", "Patient moved out of the area"))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("statusReason", equalTo("Patient moved out of the area"))
                .body("version", equalTo(3));
        JsonNode cancelled = awaitReferralUpdated(id, 3);
        assertThat(cancelled.path("previousStatus").asText()).isEqualTo("accepted");
        // The text stays in the API and the history; events carry the coded reason only.
        assertThat(cancelled.hasNonNull("statusReason")).isFalse();

        as("coordinator")
                .get(REFERRALS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.version", equalTo(List.of(1, 2, 3)))
                .body("items.toStatus", equalTo(List.of("requested", "accepted", "cancelled")))
                .body("items.changedBy[1]", equalTo("foodbank-staff"))
                .body("items.changedBy[2]", equalTo("clinician"))
                .body("items.reason[2]", equalTo("Patient moved out of the area"));

        as("coordinator")
                .body(statusBody("in-progress", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(409)
                .body("detail", containsString("cancelled is final"));
    }

    @Test
    void theOwnerMayRejectWithAReason() {
        String id = newReferral(FOODBANK).getString("id");
        as("foodbank-staff")
                .body(statusBody("rejected", "  No capacity until next month  "))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("statusReason", equalTo("No capacity until next month"));
        JsonNode rejected = awaitReferralUpdated(id, 2);
        assertThat(rejected.hasNonNull("statusReason")).isFalse();
    }

    @Test
    void theCoordinatorStepsThroughTheWholeLifecycle() {
        String id = newReferral(HOUSING).getString("id");
        String[][] steps = {
            {"accepted", null},
            {"in-progress", null},
            {"on-hold", "On the waitlist"},
            {"in-progress", null},
            {"completed", null}
        };
        int version = 1;
        for (String[] step : steps) {
            version++;
            as("coordinator")
                    .body(statusBody(step[0], step[1]))
                    .post(REFERRALS + "/" + id + "/status")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(step[0]))
                    .body("version", equalTo(version));
        }
        assertThat(awaitReferralUpdated(id, version).path("status").asText()).isEqualTo("completed");
        as("housing-staff")
                .get(REFERRALS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("statusReason", nullValue());
        String screeningId = as("coordinator").get(REFERRALS + "/" + id).path("screeningId");
        as("coordinator")
                .queryParam("status", "completed,in-progress")
                .queryParam("screeningId", screeningId)
                .get(REFERRALS)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        as("coordinator")
                .queryParam("status", "requested")
                .queryParam("status", "accepted")
                .queryParam("screeningId", screeningId)
                .get(REFERRALS)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void aCommunityOrganizationMayNotRetractAReferral() {
        String id = newReferral(FOODBANK).getString("id");
        as("foodbank-staff")
                .body(statusBody("entered-in-error", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(403)
                .body("detail", containsString("entered-in-error"));
        as("clinician")
                .body(statusBody("entered-in-error", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("entered-in-error"));
    }

    @Test
    void badStatusChangesAreRefusedWithTheFieldAtFault() {
        String id = newReferral(FOODBANK).getString("id");
        String path = REFERRALS + "/" + id + "/status";
        as("foodbank-staff")
                .body(statusBody("ready", null))
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("status")));
        as("foodbank-staff")
                .body(statusBody(null, null))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("status")));
        as("foodbank-staff")
                .body(statusBody("on-hold", "   "))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        as("foodbank-staff")
                .body(statusBody("rejected", "x".repeat(501)))
                .post(path)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("reason")));
        as("foodbank-staff")
                .body("{\"status\":")
                .post(path)
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        as("foodbank-staff").post(path).then().statusCode(400).contentType(PROBLEM);
        // Nothing of the refused requests was written.
        as("foodbank-staff")
                .get(REFERRALS + "/" + id)
                .then()
                .body("version", equalTo(1))
                .body("status", equalTo("requested"));
    }

    @Test
    void badListParametersAreRefusedWithTheFieldAtFault() {
        as("coordinator")
                .queryParam("status", "accepted,ready")
                .get(REFERRALS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("status")));
        as("coordinator")
                .queryParam("screeningId", "not-a-uuid")
                .get(REFERRALS)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("screeningId")));
        as("coordinator")
                .queryParam("size", 0)
                .get(REFERRALS)
                .then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("size")));
        as("coordinator")
                .get(REFERRALS + "/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("id")));
    }

    @Test
    void rolesWithoutAccessAreRefused() {
        String id = newReferral(FOODBANK).getString("id");
        given().get(REFERRALS).then().statusCode(401).contentType(PROBLEM);
        given().get(REFERRALS + "/" + id).then().statusCode(401);
        given().get(REFERRALS + "/" + id + "/history").then().statusCode(401);
        given().contentType("application/json")
                .body(statusBody("accepted", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(401);
        as("integrator").get(REFERRALS).then().statusCode(403).contentType(PROBLEM);
        as("operator")
                .body(statusBody("accepted", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(403);
        as("operator").get(REFERRALS + "/" + id).then().statusCode(200);
    }

    @Test
    void committedTransitionsAreCounted() {
        String id = newReferral(FOODBANK).getString("id");
        as("foodbank-staff")
                .body(statusBody("accepted", null))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200);
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("careloop_referrals_transitions_total{from=\"requested\",to=\"accepted\"}"));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String operations = Tokens.client("careloop-ops", "careloop-ops-secret");
        String otherAudience = Tokens.client("other-audience", "other-audience-secret");
        given().auth().oauth2(operations).get("/api/v1/outbox/backlog").then().statusCode(200);
        // Same realm, valid signature, role operator: but the token is not meant for referral-service
        given().auth()
                .oauth2(otherAudience)
                .get("/api/v1/outbox/backlog")
                .then()
                .statusCode(401);
        given().auth().oauth2(otherAudience).get(REFERRALS).then().statusCode(401);
    }

    @Test
    void theApiIsDocumented() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("CareLoop Referral Service"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/referrals/{id}/status"));
    }
}
