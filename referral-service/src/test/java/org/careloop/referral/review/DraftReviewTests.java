package org.careloop.referral.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.PrivacyFixtures.OTHER_CLINIC;
import static org.careloop.referral.PrivacyFixtures.match;
import static org.careloop.referral.PrivacyFixtures.organization;
import static org.careloop.referral.PrivacyFixtures.person;
import static org.careloop.referral.PrivacyFixtures.routed;
import static org.careloop.referral.lifecycle.Fixtures.CLINIC;
import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.HOUSING;
import static org.careloop.referral.lifecycle.Fixtures.REFERRALS;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.awaitReferralUpdated;
import static org.careloop.referral.routing.RoutingFixtures.FOOD;
import static org.careloop.referral.routing.RoutingFixtures.awaitAttempts;
import static org.careloop.referral.routing.RoutingFixtures.referral;
import static org.careloop.referral.routing.RoutingFixtures.sendCapacity;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.referral.lifecycle.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Choice and safety: a category the clinic reviews, and every interpersonal-safety need, gets a draft to the best
 * candidate; the clinic sends it as proposed or to another service the consent covers, or declines it. Nobody but the
 * requesting clinic (and coordinators, who read) sees a draft.
 */
@QuarkusTest
class DraftReviewTests {

    /** A category no other test uses, so that reviewing it changes nothing elsewhere. */
    private static final String REVIEWED = "employment-status";

    @BeforeEach
    void theClinicReviewsOneCategory() {
        as("clinician")
                .body(Map.of("settings", List.of(Map.of("category", REVIEWED, "mode", "review"))))
                .put("/api/v1/routing-settings/" + CLINIC)
                .then()
                .statusCode(200);
    }

    @Test
    void aReviewedCategoryGetsADraftToTheBestCandidateThatOnlyTheClinicSees() {
        String second = organization();
        UUID needId = UUID.randomUUID();
        JsonPath draft = routed(person(), CLINIC, null, match(needId, REVIEWED, false, FOODBANK, second));
        String id = draft.getString("id");
        assertThat(draft.getString("status")).isEqualTo("draft");
        assertThat(draft.getInt("attempt")).isEqualTo(1);
        assertThat(draft.getString("ownerOrganizationId")).isEqualTo(FOODBANK);
        assertThat(draft.getString("requestedAt")).isNull();

        // The draft's event names no organization and no service: nobody is told, no place moves.
        JsonNode created = awaitReferralUpdated(id, 1);
        assertThat(created.get("status").asText()).isEqualTo("draft");
        assertThat(created.hasNonNull("ownerOrganizationId")).isFalse();
        assertThat(created.hasNonNull("serviceId")).isFalse();
        assertThat(created.hasNonNull("requestedAt")).isFalse();

        // The organization it proposes does not see it.
        as("foodbank-staff").get(REFERRALS + "/" + id).then().statusCode(404);
        assertThat(Fixtures.listByScreening("foodbank-staff", UUID.fromString(draft.getString("screeningId")))
                        .getInt("totalItems"))
                .isZero();

        // Its candidates, for the clinic and coordinators.
        as("clinician")
                .get(REFERRALS + "/" + id + "/candidates")
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .body("sensitive", equalTo(false))
                .body("items.serviceId", equalTo(List.of("svc-" + FOODBANK, "svc-" + second)))
                .body("items.proposed", equalTo(List.of(true, false)))
                .body("items.consentCovers", equalTo(List.of(true, true)))
                .body("items[0].rank", equalTo(1));
        as("coordinator").get(REFERRALS + "/" + id + "/candidates").then().statusCode(200);
        as("foodbank-staff").get(REFERRALS + "/" + id + "/candidates").then().statusCode(403);
        as("operator").get(REFERRALS + "/" + id + "/candidates").then().statusCode(403);
    }

    @Test
    void theClinicSendsTheDraftAsProposed() {
        JsonPath draft = routed(person(), CLINIC, null, match(UUID.randomUUID(), REVIEWED, false, FOODBANK));
        String id = draft.getString("id");
        as("clinician")
                .body(Map.of())
                .post(REFERRALS + "/" + id + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("requested"))
                .body("version", equalTo(2))
                .body("ownerOrganizationId", equalTo(FOODBANK))
                .body("changedByRole", equalTo("requester"))
                .body("requestedAt", org.hamcrest.Matchers.notNullValue());
        JsonNode sent = awaitReferralUpdated(id, 2);
        assertThat(sent.get("previousStatus").asText()).isEqualTo("draft");
        assertThat(sent.get("ownerOrganizationId").asText()).isEqualTo(FOODBANK);
        assertThat(sent.get("serviceId").asText()).isEqualTo("svc-" + FOODBANK);
        assertThat(sent.get("requestedAt").asText()).isNotBlank();
        as("foodbank-staff").get(REFERRALS + "/" + id).then().statusCode(200);

        // Sent is not a draft any more.
        as("clinician")
                .body(Map.of())
                .post(REFERRALS + "/" + id + "/send")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://careloop.org/problems/not-draft"))
                .body("errors.field", hasItem("status"));
        as("clinician")
                .body(Map.of("reason", "Changed our mind"))
                .post(REFERRALS + "/" + id + "/decline")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void theClinicSendsTheDraftToAnotherCandidateOrAServiceTheDirectoryLists() {
        String second = organization();
        JsonPath draft = routed(person(), CLINIC, null, match(UUID.randomUUID(), REVIEWED, false, FOODBANK, second));
        as("clinician")
                .body(Map.of("serviceId", "svc-" + second))
                .post(REFERRALS + "/" + draft.getString("id") + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("requested"))
                .body("attempt", equalTo(1))
                .body("ownerOrganizationId", equalTo(second))
                .body("serviceId", equalTo("svc-" + second));
        JsonNode sent = awaitReferralUpdated(draft.getString("id"), 2);
        assertThat(sent.get("ownerOrganizationId").asText()).isEqualTo(second);
        as("foodbank-staff").get(REFERRALS + "/" + draft.getString("id")).then().statusCode(404);

        String listed = organization();
        String closed = organization();
        sendCapacity("svc-" + listed, listed, "active", 2, 1);
        sendCapacity("svc-" + closed, closed, "inactive", 0, 1);
        JsonPath other = routed(person(), CLINIC, null, match(UUID.randomUUID(), REVIEWED, false, FOODBANK));
        String otherId = other.getString("id");
        as("clinician")
                .body(Map.of("serviceId", "svc-nobody-lists-" + otherId.substring(0, 8)))
                .post(REFERRALS + "/" + otherId + "/send")
                .then()
                .statusCode(404)
                .body("errors.field", hasItem("serviceId"));
        as("clinician")
                .body(Map.of("serviceId", "Not An Id"))
                .post(REFERRALS + "/" + otherId + "/send")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("serviceId"));
        await().atMost(TIMEOUT).untilAsserted(() -> as("clinician")
                .body(Map.of("serviceId", "svc-" + closed))
                .post(REFERRALS + "/" + otherId + "/send")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("serviceId")));
        await().atMost(TIMEOUT).untilAsserted(() -> as("clinician")
                .body(Map.of("serviceId", "svc-" + listed))
                .post(REFERRALS + "/" + otherId + "/send")
                .then()
                .statusCode(200)
                .body("ownerOrganizationId", equalTo(listed)));
    }

    @Test
    void aDraftGoesOnlyWhereThePersonsConsentReaches() {
        String outside = organization();
        sendCapacity("svc-" + outside, outside, "active", 2, 1);
        JsonPath draft = routed(
                person(),
                CLINIC,
                List.of(FOODBANK, HOUSING),
                match(UUID.randomUUID(), REVIEWED, false, FOODBANK, outside, HOUSING));
        String id = draft.getString("id");
        as("clinician")
                .get(REFERRALS + "/" + id + "/candidates")
                .then()
                .statusCode(200)
                .body("items.consentCovers", equalTo(List.of(true, false, true)));
        await().atMost(TIMEOUT).untilAsserted(() -> as("clinician")
                .body(Map.of("serviceId", "svc-" + outside))
                .post(REFERRALS + "/" + id + "/send")
                .then()
                .statusCode(409)
                .body("type", equalTo("https://careloop.org/problems/consent-not-covered"))
                .body("errors.field", hasItem("serviceId")));
        assertThat(referral(id).getString("status")).isEqualTo("draft");
    }

    @Test
    void theClinicDeclinesTheDraftAndTheNeedIsClosed() {
        UUID needId = UUID.randomUUID();
        JsonPath draft = routed(person(), CLINIC, null, match(needId, REVIEWED, false, FOODBANK, organization()));
        String id = draft.getString("id");
        as("clinician")
                .body(Map.of("reason", "The person prefers to call the food bank themselves"))
                .post(REFERRALS + "/" + id + "/decline")
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("statusReasonCode", equalTo("declined-at-review"))
                .body("statusReason", equalTo("The person prefers to call the food bank themselves"))
                .body("changedByRole", equalTo("requester"));
        JsonNode declined = awaitReferralUpdated(id, 2);
        assertThat(declined.get("statusReasonCode").asText()).isEqualTo("declined-at-review");
        assertThat(declined.hasNonNull("statusReason")).isFalse();
        assertThat(declined.hasNonNull("ownerOrganizationId")).isFalse();
        // No other organization is tried, nothing waits for a coordinator.
        assertThat(awaitAttempts(needId, 1)).hasSize(1);
        as("coordinator").get("/api/v1/work-queue/" + needId).then().statusCode(404);
        as("clinician")
                .get(REFERRALS + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items[1].reasonCode", equalTo("declined-at-review"))
                .body("items[1].changedBy", equalTo("clinician"));
    }

    @Test
    void aDraftIsReviewedOnlyByTheClinicThatRequestedItAndOnlyThroughReview() {
        // Another clinic's draft (a safety need is a draft whatever that clinic's settings).
        JsonPath theirs = routed(person(), OTHER_CLINIC, null, match(UUID.randomUUID(), FOOD, true, FOODBANK));
        String id = theirs.getString("id");
        assertThat(theirs.getString("status")).isEqualTo("draft");
        as("clinician").get(REFERRALS + "/" + id).then().statusCode(404);
        as("clinician").get(REFERRALS + "/" + id + "/candidates").then().statusCode(404);
        as("clinician")
                .body(Map.of())
                .post(REFERRALS + "/" + id + "/send")
                .then()
                .statusCode(404);
        as("clinician")
                .body(Map.of("reason", "no"))
                .post(REFERRALS + "/" + id + "/decline")
                .then()
                .statusCode(404);
        as("clinician")
                .body(Map.of())
                .post(REFERRALS + "/" + UUID.randomUUID() + "/send")
                .then()
                .statusCode(404);

        JsonPath ours = routed(person(), CLINIC, null, match(UUID.randomUUID(), REVIEWED, false, FOODBANK));
        String ourId = ours.getString("id");
        for (String notTheClinic : List.of("coordinator", "foodbank-staff", "operator")) {
            as(notTheClinic)
                    .body(Map.of())
                    .post(REFERRALS + "/" + ourId + "/send")
                    .then()
                    .statusCode(403);
        }
        // A draft is sent through review, never by a plain status change (which would skip the consent check).
        as("coordinator")
                .body(Map.of("status", "requested"))
                .post(REFERRALS + "/" + ourId + "/status")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("status"));
        // declined-at-review is the review's own code.
        as("clinician")
                .body(Map.of("status", "cancelled", "reasonCode", "declined-at-review"))
                .post(REFERRALS + "/" + ourId + "/status")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        as("clinician")
                .body(Map.of("reason", "x".repeat(501)))
                .post(REFERRALS + "/" + ourId + "/decline")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("reason"));
        assertThat(referral(ourId).getString("status")).isEqualTo("draft");
        assertThat(referral(ourId).getLong("version")).isEqualTo(1);
    }

    @Test
    void anInterpersonalSafetyNeedIsNeverSentAutomaticallyWhateverTheSetting() {
        // Food is auto for this clinic; a safety need of that category is still a draft, and so is its next attempt.
        UUID needId = UUID.randomUUID();
        String second = organization();
        JsonPath draft = routed(person(), CLINIC, null, match(needId, FOOD, true, FOODBANK, second));
        assertThat(draft.getString("status")).isEqualTo("draft");
        as("clinician")
                .get(REFERRALS + "/" + draft.getString("id") + "/candidates")
                .then()
                .statusCode(200)
                .body("sensitive", equalTo(true));
        as("clinician")
                .body(Map.of())
                .post(REFERRALS + "/" + draft.getString("id") + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("requested"));
        as("foodbank-staff")
                .body(Map.of("status", "rejected", "reasonCode", "no-capacity"))
                .post(REFERRALS + "/" + draft.getString("id") + "/status")
                .then()
                .statusCode(200);
        JsonPath next = awaitAttempts(needId, 2).get(1);
        assertThat(next.getString("status")).isEqualTo("draft");
        assertThat(next.getString("ownerOrganizationId")).isEqualTo(second);
        assertThat(next.getString("requestedAt")).isNull();
        assertThat(next.getString("previousReferralId")).isEqualTo(draft.getString("id"));
        as("clinician")
                .get(REFERRALS + "/" + next.getString("id") + "/candidates")
                .then()
                .statusCode(200)
                .body("items.tried", equalTo(List.of(true, false)))
                .body("items[1].proposed", equalTo(true));
    }

    @Test
    void anAutoCategoryIsSentAsBefore() {
        JsonPath sent = routed(person(), CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK));
        assertThat(sent.getString("status")).isEqualTo("requested");
        as("clinician")
                .body(Map.of())
                .post(REFERRALS + "/" + sent.getString("id") + "/send")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("status"));
    }
}
