package org.careloop.referral.routing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.routing.RoutingFixtures.FOOD;
import static org.careloop.referral.routing.RoutingFixtures.awaitAttempts;
import static org.careloop.referral.routing.RoutingFixtures.sendCapacity;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.referral.lifecycle.Fixtures;
import org.junit.jupiter.api.Test;

/** The coordinators' work queue: what lands in it, and assigning or closing a need from it. */
@QuarkusTest
class WorkQueueResourceTests {

    private static final String QUEUE = "/api/v1/work-queue";

    @Test
    void anUnmatchedNeedIsQueuedAndAssignedByHand() {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Fixtures.send(
                screeningId.toString(),
                UUID.randomUUID(),
                Fixtures.needsMatched(screeningId, true, List.of(Fixtures.unmatched(needId, FOOD))));
        awaitQueued(needId);

        as("coordinator")
                .get(QUEUE + "/" + needId)
                .then()
                .statusCode(200)
                .body("reason", equalTo("no-candidates"))
                .body("detail", equalTo("No service with capacity"))
                .body("attemptCount", equalTo(0))
                .body("attempts.size()", equalTo(0));

        // Unknown to the directory: 404 naming the field, nothing written.
        as("coordinator")
                .body(Map.of(
                        "serviceId", "svc-nobody-lists-" + needId.toString().substring(0, 8)))
                .post(QUEUE + "/" + needId + "/assign")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("serviceId"));
        as("coordinator")
                .body(Map.of("serviceId", "Not An Id"))
                .post(QUEUE + "/" + needId + "/assign")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("serviceId"));

        String inactive = "svc-closed-" + needId.toString().substring(0, 8);
        sendCapacity(inactive, "org-closed", "inactive", null, 1);
        String service = "svc-manual-" + needId.toString().substring(0, 8);
        sendCapacity(service, "org-manual", "active", 0, 1);
        await().atMost(TIMEOUT).untilAsserted(() -> as("coordinator")
                .body(Map.of("serviceId", inactive))
                .post(QUEUE + "/" + needId + "/assign")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("serviceId")));

        // A coordinator may send the need to a service without a free place: they decide.
        await().atMost(TIMEOUT).untilAsserted(() -> as("coordinator")
                .body(Map.of("serviceId", service))
                .post(QUEUE + "/" + needId + "/assign")
                .then()
                .statusCode(200)
                .body("status", equalTo("requested"))
                .body("attempt", equalTo(1))
                .body("ownerOrganizationId", equalTo("org-manual"))
                .body("changedByRole", equalTo("coordinator")));

        as("coordinator")
                .body(Map.of("serviceId", service))
                .post(QUEUE + "/" + needId + "/assign")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("needId"));
        as("coordinator").get(QUEUE + "/" + needId).then().statusCode(404).body("errors.field", hasItem("needId"));
        assertThat(queuedNeeds()).doesNotContain(needId.toString());
    }

    @Test
    void aNeedTriedTooOftenIsQueuedWithItsAttempts() {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        // max-attempts is 3 in tests: three organizations reject, the fourth candidate is not tried.
        JsonPath first = org.careloop.referral.routing.RoutingFixtures.routedNeed(
                screeningId,
                needId,
                org.careloop.referral.routing.RoutingFixtures.candidate("org-one-" + needId, 1),
                org.careloop.referral.routing.RoutingFixtures.candidate("org-two-" + needId, 2),
                org.careloop.referral.routing.RoutingFixtures.candidate("org-three-" + needId, 3),
                org.careloop.referral.routing.RoutingFixtures.candidate("org-four-" + needId, 4));
        String current = first.getString("id");
        for (int attempt = 1; attempt <= 3; attempt++) {
            JsonPath referral = awaitAttempts(needId, attempt).get(attempt - 1);
            as("coordinator")
                    .body(Map.of("status", "rejected", "reasonCode", "no-capacity"))
                    .post(Fixtures.REFERRALS + "/" + referral.getString("id") + "/status")
                    .then()
                    .statusCode(200);
            current = referral.getString("id");
        }
        awaitQueued(needId);
        as("coordinator")
                .get(QUEUE + "/" + needId)
                .then()
                .statusCode(200)
                .body("reason", equalTo("max-attempts"))
                .body("attemptCount", equalTo(3))
                .body("attempts.size()", equalTo(3))
                .body("attempts[2].id", equalTo(current));
        as("operator")
                .queryParam("category", FOOD)
                .queryParam("size", 200)
                .get(QUEUE)
                .then()
                .statusCode(200)
                .body("items.needId", hasItem(needId.toString()));

        // Closing it takes it out of the queue for good.
        as("coordinator")
                .body(Map.of("reason", " "))
                .post(QUEUE + "/" + needId + "/close")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        as("coordinator")
                .body(Map.of("reason", "The person found help on their own"))
                .post(QUEUE + "/" + needId + "/close")
                .then()
                .statusCode(200);
        assertThat(queuedNeeds()).doesNotContain(needId.toString());
    }

    @Test
    void aClaimedNeedIsChangedOnlyByTheCoordinatorWhoHoldsIt() {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Fixtures.send(
                screeningId.toString(),
                UUID.randomUUID(),
                Fixtures.needsMatched(screeningId, true, List.of(Fixtures.unmatched(needId, FOOD))));
        awaitQueued(needId);
        String service = "svc-claimed-" + needId.toString().substring(0, 8);
        sendCapacity(service, "org-claimed", "active", 3, 1);

        as("coordinator")
                .post(QUEUE + "/" + needId + "/claim")
                .then()
                .statusCode(200)
                .body("claimedBy", equalTo("coordinator"))
                .body("claimedAt", not(equalTo(null)));
        // Claiming again is harmless; the queue shows who holds it, and can leave claimed needs out.
        as("coordinator").post(QUEUE + "/" + needId + "/claim").then().statusCode(200);
        assertThat(queuedNeeds("claimed", "true")).contains(needId.toString());
        assertThat(queuedNeeds("claimed", "false")).doesNotContain(needId.toString());
        as("coordinator")
                .queryParam("claimed", "maybe")
                .get(QUEUE)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("claimed"));

        // Another coordinator can neither claim, assign nor close it while it is held: 409 naming the need.
        as("coordinator2")
                .post(QUEUE + "/" + needId + "/claim")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("needId"))
                .body("detail", containsString("claimed by coordinator"));
        await().atMost(TIMEOUT).untilAsserted(() -> as("coordinator2")
                .body(Map.of("serviceId", service))
                .post(QUEUE + "/" + needId + "/assign")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("needId")));
        as("coordinator2")
                .body(Map.of("reason", "Duplicate"))
                .post(QUEUE + "/" + needId + "/close")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("needId"));
        as("coordinator").get(QUEUE + "/" + needId).then().statusCode(200).body("claimedBy", equalTo("coordinator"));

        // Released (by anyone, for a colleague who is away), the other coordinator takes it and assigns it.
        as("coordinator2")
                .post(QUEUE + "/" + needId + "/release")
                .then()
                .statusCode(200)
                .body("claimedBy", equalTo(null));
        as("coordinator2")
                .post(QUEUE + "/" + needId + "/claim")
                .then()
                .statusCode(200)
                .body("claimedBy", equalTo("coordinator2"));
        await().atMost(TIMEOUT).untilAsserted(() -> as("coordinator2")
                .body(Map.of("serviceId", service))
                .post(QUEUE + "/" + needId + "/assign")
                .then()
                .statusCode(200)
                .body("ownerOrganizationId", equalTo("org-claimed")));
        as("coordinator").post(QUEUE + "/" + needId + "/claim").then().statusCode(409);
        as("operator").post(QUEUE + "/" + needId + "/claim").then().statusCode(403);
    }

    @Test
    void aCoordinatorsReassignmentQueuesTheNeed() {
        UUID needId = UUID.randomUUID();
        JsonPath first = org.careloop.referral.routing.RoutingFixtures.routedNeed(
                UUID.randomUUID(),
                needId,
                org.careloop.referral.routing.RoutingFixtures.candidate("org-a-" + needId, 1),
                org.careloop.referral.routing.RoutingFixtures.candidate("org-b-" + needId, 2));
        as("coordinator")
                .body(Map.of("status", "cancelled", "reasonCode", "reassigned"))
                .post(Fixtures.REFERRALS + "/" + first.getString("id") + "/status")
                .then()
                .statusCode(200);
        awaitQueued(needId);
        as("coordinator").get(QUEUE + "/" + needId).then().statusCode(200).body("reason", equalTo("reassigned"));
    }

    @Test
    void onlyCoordinatorsAndOperatorsSeeTheQueueAndOnlyCoordinatorsChangeIt() {
        as("foodbank-staff").get(QUEUE).then().statusCode(403);
        as("clinician").get(QUEUE).then().statusCode(403);
        given().get(QUEUE).then().statusCode(401);
        as("operator")
                .body(Map.of("serviceId", "svc-x"))
                .post(QUEUE + "/" + UUID.randomUUID() + "/assign")
                .then()
                .statusCode(403);
        as("coordinator")
                .body(Map.of("serviceId", "svc-x"))
                .post(QUEUE + "/" + UUID.randomUUID() + "/assign")
                .then()
                .statusCode(404)
                .body("errors.field", hasItem("needId"));
        as("coordinator")
                .queryParam("category", "hunger")
                .get(QUEUE)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("category"));
    }

    @Test
    void theQueueIsMeasured() {
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("careloop_work_queue_size"))
                .body(containsString("careloop_work_queue_oldest_seconds"))
                .body(not(containsString("careloop_work_queue_size NaN")));
    }

    private static void awaitQueued(UUID needId) {
        await().atMost(TIMEOUT).until(() -> queuedNeeds().contains(needId.toString()));
    }

    private static List<String> queuedNeeds(String... filter) {
        var request = as("coordinator").queryParam("size", 200);
        for (int i = 0; i + 1 < filter.length; i += 2) {
            request = request.queryParam(filter[i], filter[i + 1]);
        }
        return request.get(QUEUE).then().statusCode(200).extract().jsonPath().getList("items.needId", String.class);
    }
}
