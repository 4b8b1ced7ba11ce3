package org.careloop.referral.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.awaitReferralUpdated;
import static org.careloop.referral.routing.RoutingFixtures.FOOD;
import static org.careloop.referral.routing.RoutingFixtures.awaitAttempts;
import static org.careloop.referral.routing.RoutingFixtures.awaitMatchRequested;
import static org.careloop.referral.routing.RoutingFixtures.candidate;
import static org.careloop.referral.routing.RoutingFixtures.matchWith;
import static org.careloop.referral.routing.RoutingFixtures.referral;
import static org.careloop.referral.routing.RoutingFixtures.routedNeed;
import static org.careloop.referral.routing.RoutingFixtures.sendAnswer;
import static org.careloop.referral.routing.RoutingFixtures.sendCapacity;
import static org.careloop.referral.routing.RoutingFixtures.sendChase;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.referral.OnVertx;
import org.careloop.referral.directory.KnownService;
import org.careloop.referral.directory.repository.KnownServiceRepository;
import org.careloop.referral.lifecycle.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A need keeps moving on a real broker and database: a rejection or a recall makes the next attempt at another
 * organization, used-up candidates make a match request, and the directory's answer makes the next attempt.
 */
@QuarkusTest
class RoutingTests {

    @Inject
    Vertx vertx;

    @Inject
    KnownServiceRepository knownServices;

    @Test
    void aRejectionByTheOwnerGoesToTheNextCandidateOfAnotherOrganization() {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        String other = "org-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath first = routedNeed(
                screeningId,
                needId,
                candidate("svc-foodbank-pantry", FOODBANK, 1),
                // Same organization as the one that rejects: skipped.
                candidate("svc-foodbank-mobile", FOODBANK, 2),
                candidate(other, 3));
        assertThat(first.getInt("attempt")).isEqualTo(1);
        assertThat(first.getString("changedByRole")).isEqualTo("system");
        assertThat(first.getString("requestedAt")).isNotNull();
        String firstId = first.getString("id");

        as("foodbank-staff")
                .body(Map.of("status", "rejected", "reasonCode", "no-capacity"))
                .post(Fixtures.REFERRALS + "/" + firstId + "/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("rejected"))
                .body("statusReasonCode", equalTo("no-capacity"))
                .body("statusReason", equalTo("No capacity"))
                .body("changedByRole", equalTo("owner"));

        JsonPath second = awaitAttempts(needId, 2).get(1);
        assertThat(second.getString("status")).isEqualTo("requested");
        assertThat(second.getInt("attempt")).isEqualTo(2);
        assertThat(second.getString("previousReferralId")).isEqualTo(firstId);
        assertThat(second.getString("ownerOrganizationId")).isEqualTo(other);
        assertThat(second.getString("serviceId")).isEqualTo("svc-" + other);

        JsonNode rejected = awaitReferralUpdated(firstId, 2);
        assertThat(rejected.get("statusReasonCode").asText()).isEqualTo("no-capacity");
        assertThat(rejected.get("changedByRole").asText()).isEqualTo("owner");
        assertThat(rejected.get("attempt").asInt()).isEqualTo(1);
        JsonNode created = awaitReferralUpdated(second.getString("id"), 1);
        assertThat(created.get("attempt").asInt()).isEqualTo(2);
        assertThat(created.get("previousReferralId").asText()).isEqualTo(firstId);
        assertThat(created.get("changedByRole").asText()).isEqualTo("system");
        assertThat(created.get("requestedAt").asText()).isNotBlank();
    }

    @Test
    void whenTheCandidatesRunOutTheDirectoryIsAskedAndItsAnswerMakesTheNextAttempt() {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        String first = "org-" + UUID.randomUUID().toString().substring(0, 8);
        String next = "org-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath referral = routedNeed(screeningId, needId, candidate(first, 1));
        reject(referral.getString("id"));

        JsonNode request = awaitMatchRequested(needId);
        assertThat(request.get("screeningId").asText()).isEqualTo(screeningId.toString());
        assertThat(request.get("category").asText()).isEqualTo(FOOD);
        assertThat(request.get("attempt").asInt()).isEqualTo(2);
        assertThat(request.get("excludeServiceIds"))
                .extracting(JsonNode::asText)
                .contains("svc-" + first);

        sendAnswer(
                screeningId,
                UUID.fromString(request.get("requestId").asText()),
                matchWith(needId, FOOD, candidate(next, 1)));
        JsonPath second = awaitAttempts(needId, 2).get(1);
        assertThat(second.getString("ownerOrganizationId")).isEqualTo(next);
        assertThat(second.getInt("attempt")).isEqualTo(2);
        assertThat(second.getString("previousReferralId")).isEqualTo(referral.getString("id"));
    }

    @Test
    void anAnswerToAnOlderRequestChangesNothing() {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        JsonPath referral = routedNeed(screeningId, needId, candidate("org-" + UUID.randomUUID(), 1));
        reject(referral.getString("id"));
        JsonNode request = awaitMatchRequested(needId);

        sendAnswer(screeningId, UUID.randomUUID(), matchWith(needId, FOOD, candidate("org-stale", 1)));
        sendAnswer(
                screeningId,
                UUID.fromString(request.get("requestId").asText()),
                matchWith(needId, FOOD, candidate("org-fresh", 1)));
        List<JsonPath> attempts = awaitAttempts(needId, 2);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getString("ownerOrganizationId")).isEqualTo("org-fresh");
    }

    @Test
    void aCandidateTheDirectoryReportsFullIsSkipped() {
        String full = "org-" + UUID.randomUUID().toString().substring(0, 8);
        String free = "org-" + UUID.randomUUID().toString().substring(0, 8);
        sendCapacity("svc-" + full, full, "active", 0, 3);
        await().atMost(TIMEOUT).until(() -> known("svc-" + full) != null);

        UUID needId = UUID.randomUUID();
        JsonPath referral = routedNeed(
                UUID.randomUUID(),
                needId,
                candidate("org-" + UUID.randomUUID(), 1),
                candidate(full, 2),
                candidate(free, 3));
        reject(referral.getString("id"));
        assertThat(awaitAttempts(needId, 2).get(1).getString("ownerOrganizationId"))
                .isEqualTo(free);
    }

    @Test
    void theReplicaKeepsTheNewestVersionOfAService() {
        String service = "svc-" + UUID.randomUUID();
        sendCapacity(service, "org-a", "active", 5, 2);
        sendCapacity(service, "org-a", "inactive", 0, 1);
        sendCapacity(service, "org-a", "active", 7, 3);
        await().atMost(TIMEOUT).until(() -> {
            KnownService known = known(service);
            return known != null && known.version() == 3;
        });
        KnownService known = known(service);
        assertThat(known.available()).isEqualTo(7);
        assertThat(known.isActive()).isTrue();
    }

    @Test
    void remindersAndEscalationsAreRecordedAndARecallWithdrawsAndReRoutes() {
        UUID needId = UUID.randomUUID();
        String next = "org-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath first = routedNeed(UUID.randomUUID(), needId, candidate(FOODBANK, 1), candidate(next, 2));
        String id = first.getString("id");

        sendChase(id, "reminder", 1);
        sendChase(id, "escalation", 1);
        await().atMost(TIMEOUT).until(() -> referral(id).getString("escalatedAt") != null);
        JsonPath chased = referral(id);
        assertThat(chased.getString("remindedAt")).isNotNull();
        assertThat(chased.getLong("version")).as("a chase is not a change").isEqualTo(1);
        assertThat(chased.getString("status")).isEqualTo("requested");

        sendChase(id, "recall", 1);
        JsonPath second = awaitAttempts(needId, 2).get(1);
        assertThat(second.getString("ownerOrganizationId")).isEqualTo(next);
        assertThat(second.getString("previousReferralId")).isEqualTo(id);
        JsonPath recalled = referral(id);
        assertThat(recalled.getString("status")).isEqualTo("cancelled");
        assertThat(recalled.getString("statusReasonCode")).isEqualTo("recalled-no-response");
        assertThat(recalled.getString("changedByRole")).isEqualTo("system");
        JsonNode event = awaitReferralUpdated(id, 2);
        assertThat(event.get("statusReasonCode").asText()).isEqualTo("recalled-no-response");
        assertThat(event.get("changedByRole").asText()).isEqualTo("system");
    }

    @Test
    void aRecallOfAReferralThatWasAcknowledgedMeanwhileChangesNothing() {
        UUID needId = UUID.randomUUID();
        JsonPath first = routedNeed(UUID.randomUUID(), needId, candidate(FOODBANK, 1), candidate("org-other", 2));
        String id = first.getString("id");
        as("foodbank-staff")
                .body(Map.of("status", "accepted"))
                .post(Fixtures.REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200);

        sendChase(id, "recall", 1);
        // Same key, same partition: once the reminder after it is applied, the recall was applied (or ignored).
        sendChase(id, "reminder", 2);
        await().atMost(TIMEOUT).until(() -> referral(id).getString("remindedAt") != null);
        JsonPath after = referral(id);
        assertThat(after.getString("status")).isEqualTo("accepted");
        assertThat(after.getLong("version")).isEqualTo(2);
        assertThat(awaitAttempts(needId, 1)).hasSize(1);
    }

    @Test
    void aNeedThatEndsForGoodIsNotReRouted() {
        UUID needId = UUID.randomUUID();
        JsonPath first = routedNeed(UUID.randomUUID(), needId, candidate(FOODBANK, 1), candidate("org-other", 2));
        String id = first.getString("id");
        as("foodbank-staff")
                .body(Map.of("status", "accepted"))
                .post(Fixtures.REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200);
        as("foodbank-staff")
                .body(Map.of("status", "completed", "outcome", "need-resolved"))
                .post(Fixtures.REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("need-resolved"));
        JsonNode completed = awaitReferralUpdated(id, 3);
        assertThat(completed.get("outcome").asText()).isEqualTo("need-resolved");
        assertThat(awaitAttempts(needId, 1)).hasSize(1);
    }

    private static void reject(String referralId) {
        as("coordinator")
                .body(Map.of("status", "rejected", "reasonCode", "not-eligible", "reason", "Outside our area"))
                .post(Fixtures.REFERRALS + "/" + referralId + "/status")
                .then()
                .statusCode(200)
                .body("changedByRole", equalTo("coordinator"));
    }

    private KnownService known(String serviceId) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> knownServices.findById(serviceId)));
    }
}
