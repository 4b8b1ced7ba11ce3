package org.careloop.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.EventSchemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The loop closes on the real stack: capacity moves with referrals, equal needs spread over organizations, a rejection
 * is re-routed, silence is chased (reminder, escalation, recall) and re-routed, and a need that runs out of candidates
 * lands in the coordinators' work queue, where a coordinator claims it and assigns it by hand.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClosingTheLoopIT {

    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final List<String> UTILITY_ORGANIZATIONS = List.of("org-utility", "org-community-action");

    private static Stack stack;
    private static Api api;

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.shared();
        api = new Api(stack);
    }

    @Test
    @Order(1)
    void twentyFoodScreeningsInARowSpreadOverAtLeastTwoOrganizations() {
        List<String> screenings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            screenings.add(api.screen(Api.FOOD));
        }
        Map<String, Integer> byOrganization = new HashMap<>();
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            byOrganization.clear();
            for (String screening : screenings) {
                List<Map<String, Object>> referrals = api.referralsOf(screening);
                assertThat(referrals).as("referrals of screening %s", screening).isNotEmpty();
                byOrganization.merge((String) referrals.get(0).get("ownerOrganizationId"), 1, Integer::sum);
            }
        });
        assertThat(byOrganization.keySet())
                .as("organizations the 20 went to: %s", byOrganization)
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void aReferralHoldsAPlaceWhileOpenAndGivesItBackWhenCompleted() {
        Map<String, Integer> before = Map.of(
                "svc-housing-healthy-homes", api.available("svc-housing-healthy-homes"),
                "svc-community-action-repairs", api.available("svc-community-action-repairs"));
        String screening = api.screen(Api.INADEQUATE_HOUSING);
        Map<String, Object> referral = awaitReferrals(screening, 1).get(0);
        String id = (String) referral.get("id");
        String service = (String) referral.get("serviceId");
        String owner = (String) referral.get("ownerOrganizationId");
        assertThat(before).containsKey(service);
        int free = before.get(service);

        await().atMost(FLOW)
                .untilAsserted(() -> assertThat(api.available(service)).isEqualTo(free - 1));
        api.changeStatus(Api.staffOf(owner), id, Map.of("status", "accepted"))
                .then()
                .statusCode(200);
        api.changeStatus(
                        Api.staffOf(owner),
                        id,
                        Map.of("status", "completed", "reason", "Mold removed", "outcome", "need-resolved"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("need-resolved"));
        await().atMost(FLOW)
                .untilAsserted(() -> assertThat(api.available(service)).isEqualTo(free));
        // Accepted held it firmly, completed gave it back: the service published each change.
        List<JsonNode> changes = capacityChanges(service);
        assertThat(changes).extracting(c -> c.get("cause").asText()).contains("hold", "release");
    }

    @Test
    @Order(3)
    void aRejectionIsReRoutedToAnotherOrganizationWithinSeconds() {
        String screening = api.screen(Api.FOOD);
        Map<String, Object> first = awaitReferrals(screening, 1).get(0);
        String firstOwner = (String) first.get("ownerOrganizationId");
        api.changeStatus(
                        Api.staffOf(firstOwner),
                        (String) first.get("id"),
                        Map.of("status", "rejected", "reasonCode", "no-capacity", "reason", "No places this week"))
                .then()
                .statusCode(200)
                .body("statusReasonCode", equalTo("no-capacity"));

        Map<String, Object> second = awaitReferrals(screening, 2).get(1);
        assertThat(second)
                .containsEntry("status", "requested")
                .containsEntry("attempt", 2)
                .containsEntry("previousReferralId", first.get("id"));
        assertThat(second.get("ownerOrganizationId")).isNotEqualTo(firstOwner);
    }

    @Test
    @Order(4)
    void silenceIsChasedRemindedEscalatedRecalledAndReRouted() {
        Map<String, Object> seconds = Map.of(
                "remindAfter", "PT3S",
                "escalateAfter", "PT6S",
                "recallAfter", "PT9S",
                "businessTime", false);
        for (String organization : UTILITY_ORGANIZATIONS) {
            api.as("coordinator")
                    .body(seconds)
                    .put(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/policies/organizations/" + organization))
                    .then()
                    .statusCode(200);
        }
        // A policy that recalls before it reminds, or for an organization nobody knows, changes nothing.
        api.as("coordinator")
                .body(Map.of(
                        "remindAfter", "PT9S", "escalateAfter", "PT6S", "recallAfter", "PT3S", "businessTime", false))
                .put(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/policies/organizations/org-utility"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("recallAfter"));
        api.as("coordinator")
                .body(seconds)
                .put(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/policies/organizations/org-nobody-knows"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("organizationId"));

        String screening = api.screen(Api.UTILITIES);
        Map<String, Object> first = awaitReferrals(screening, 1).get(0);
        String firstId = (String) first.get("id");
        assertThat((String) first.get("ownerOrganizationId")).isIn(UTILITY_ORGANIZATIONS);

        // Nobody acknowledges: reminded, escalated, recalled, in that order.
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> fired = firedChases(firstId);
            assertThat(fired).containsSubsequence("reminder", "escalation", "recall");
        });
        Map<String, Object> second = awaitReferrals(screening, 2).get(1);
        JsonPath recalled = api.referral(firstId);
        assertThat(recalled.getString("status")).isEqualTo("cancelled");
        assertThat(recalled.getString("statusReasonCode")).isEqualTo("recalled-no-response");
        assertThat(recalled.getString("remindedAt")).isNotNull();
        assertThat(recalled.getString("escalatedAt")).isNotNull();
        assertThat(second)
                .containsEntry("status", "requested")
                .containsEntry("attempt", 2)
                .containsEntry("previousReferralId", firstId);
        assertThat(second.get("ownerOrganizationId")).isNotEqualTo(first.get("ownerOrganizationId"));
        // The second organization takes it on before its own clock runs out (a coordinator on its behalf).
        api.changeStatus("coordinator", (String) second.get("id"), Map.of("status", "accepted"))
                .then()
                .statusCode(200);

        // The chases went out as events integrators can act on.
        List<String> kinds = new ArrayList<>();
        for (ConsumerRecord<String, String> record : api.records(Topics.REFERRAL_CHASED)) {
            if (firstId.equals(record.key())) {
                JsonNode data = valid(EventTypes.REFERRAL_CHASED, record.value());
                kinds.add(data.get("kind").asText());
            }
        }
        assertThat(kinds).contains("reminder", "escalation", "recall");
    }

    @Test
    @Order(5)
    void aNeedThatRunsOutOfCandidatesIsQueuedAndAssignedByHand() {
        String screening = api.screen(Api.TRANSPORTATION);
        Set<String> rejectedBy = new HashSet<>();
        for (int attempt = 1; attempt <= 2; attempt++) {
            Map<String, Object> referral = awaitReferrals(screening, attempt).get(attempt - 1);
            assertThat(referral).containsEntry("status", "requested");
            String owner = (String) referral.get("ownerOrganizationId");
            api.changeStatus(
                            Api.staffOf(owner),
                            (String) referral.get("id"),
                            Map.of("status", "rejected", "reasonCode", "not-eligible", "reason", "Outside our area"))
                    .then()
                    .statusCode(200);
            rejectedBy.add(owner);
        }
        assertThat(rejectedBy).containsExactlyInAnyOrder("org-transit", "org-neighbor-rides");
        String needId = (String) api.referralsOf(screening).get(0).get("needId");

        // Both transportation services tried, and the directory has no other: the coordinators' work queue.
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> api.as("coordinator")
                .queryParam("size", 200)
                .get(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue"))
                .then()
                .statusCode(200)
                .body("items.needId", hasItem(needId)));
        api.as("coordinator")
                .get(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue/" + needId))
                .then()
                .statusCode(200)
                .body("attempts.size()", equalTo(2));

        // The coordinator claims it: another coordinator can no longer assign it.
        api.as("coordinator")
                .post(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue/" + needId + "/claim"))
                .then()
                .statusCode(200)
                .body("claimedBy", equalTo("coordinator"));
        api.as("coordinator2")
                .body(Map.of("serviceId", "svc-neighbor-rides"))
                .post(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue/" + needId + "/assign"))
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("needId"));

        // Assigning to a service nobody knows changes nothing; assigning to a real one makes attempt 3.
        api.as("coordinator")
                .body(Map.of("serviceId", "svc-does-not-exist"))
                .post(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue/" + needId + "/assign"))
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)))
                .contentType("application/problem+json")
                .body("errors.field", hasItem("serviceId"));
        api.as("coordinator")
                .body(Map.of("serviceId", "svc-transit-rides"))
                .post(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue/" + needId + "/assign"))
                .then()
                .statusCode(200);
        Map<String, Object> third = awaitReferrals(screening, 3).get(2);
        assertThat(third)
                .containsEntry("status", "requested")
                .containsEntry("attempt", 3)
                .containsEntry("ownerOrganizationId", "org-transit")
                .containsEntry("serviceId", "svc-transit-rides");
        // The need has left the queue; assigning it again is a conflict naming the need.
        api.as("coordinator")
                .body(Map.of("serviceId", "svc-neighbor-rides"))
                .post(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue/" + needId + "/assign"))
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("needId"));
    }

    private List<Map<String, Object>> awaitReferrals(String screening, int count) {
        List<List<Map<String, Object>>> found = new ArrayList<>();
        await().atMost(FLOW).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> referrals = api.referralsOf(screening);
            assertThat(referrals).as("referrals of screening %s", screening).hasSizeGreaterThanOrEqualTo(count);
            found.add(referrals);
        });
        return found.getLast();
    }

    private List<String> firedChases(String referralId) {
        List<Map<String, Object>> chases = api.as("coordinator")
                .get(Api.url(Stack.NOTIFICATION_PORT, "/api/v1/referrals/" + referralId + "/chases"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return chases.stream()
                .filter(c -> "FIRED".equals(c.get("state")))
                .sorted((a, b) -> ((String) a.get("firedAt")).compareTo((String) b.get("firedAt")))
                .map(c -> (String) c.get("kind"))
                .toList();
    }

    private List<JsonNode> capacityChanges(String serviceId) {
        List<JsonNode> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : api.records(Topics.CAPACITY_CHANGED)) {
            if (serviceId.equals(record.key())) {
                changes.add(valid(EventTypes.CAPACITY_CHANGED, record.value()));
            }
        }
        return changes;
    }

    private static JsonNode valid(String type, String value) {
        return EventSchemas.valid(type, value);
    }
}
