package org.careloop.referral.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.PrivacyFixtures.OTHER_CLINIC;
import static org.careloop.referral.PrivacyFixtures.awaitStatus;
import static org.careloop.referral.PrivacyFixtures.history;
import static org.careloop.referral.PrivacyFixtures.match;
import static org.careloop.referral.PrivacyFixtures.organization;
import static org.careloop.referral.PrivacyFixtures.person;
import static org.careloop.referral.PrivacyFixtures.route;
import static org.careloop.referral.PrivacyFixtures.routed;
import static org.careloop.referral.PrivacyFixtures.sendConsent;
import static org.careloop.referral.lifecycle.Fixtures.CLINIC;
import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.awaitReferralUpdated;
import static org.careloop.referral.routing.RoutingFixtures.FOOD;
import static org.careloop.referral.routing.RoutingFixtures.awaitAttempts;
import static org.careloop.referral.routing.RoutingFixtures.awaitMatchRequested;
import static org.careloop.referral.routing.RoutingFixtures.referral;
import static org.careloop.referral.routing.RoutingFixtures.sendCapacity;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.referral.OnVertx;
import org.careloop.referral.consent.repository.ConsentDecisionRepository;
import org.careloop.referral.lifecycle.Fixtures;
import org.careloop.referral.routing.NeedRouting;
import org.careloop.referral.routing.RoutingState;
import org.careloop.referral.routing.repository.NeedRoutingRepository;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/**
 * Consent decisions on a real broker and database: a decision that no longer covers an organization cancels the
 * person's open referrals to it at that clinic within seconds and closes their needs for good; replays and older
 * versions change nothing; a revocation that arrives before the match means no referral at all.
 */
@QuarkusTest
class ConsentChangedConsumerTests {

    /** How soon a revocation must reach the person's open referrals. */
    private static final Duration SECONDS = Duration.ofSeconds(10);

    @Inject
    Vertx vertx;

    @Inject
    ConsentDecisionRepository decisions;

    @Inject
    NeedRoutingRepository routings;

    @Test
    void aRevocationCancelsEveryOpenReferralOfThatPersonAtThatClinicOnly() {
        String person = person();
        String second = organization();
        // Two needs of the person at the clinic: one requested, one accepted; each with a second candidate that must
        // not be tried after the cancellation.
        JsonPath requested = routed(person, CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK, second));
        JsonPath accepted = routed(person, CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK, second));
        as("foodbank-staff")
                .body(Map.of("status", "accepted"))
                .post(Fixtures.REFERRALS + "/" + accepted.getString("id") + "/status")
                .then()
                .statusCode(200);
        // Someone else at the clinic, and the same reference at another clinic (another person: references differ
        // between clinics, and a clinic's decision is about its own).
        JsonPath otherPerson = routed(person(), CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK));
        JsonPath otherClinic = routed(person, OTHER_CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK));

        UUID consentId = UUID.randomUUID();
        sendConsent(consentId, person, CLINIC, "active", null, null, 1);
        Instant revokedAt = Instant.now();
        sendConsent(consentId, person, CLINIC, "revoked", null, null, 2);

        for (JsonPath open : List.of(requested, accepted)) {
            String id = open.getString("id");
            await().atMost(SECONDS).until(() -> "cancelled".equals(referral(id).getString("status")));
            JsonPath cancelled = referral(id);
            assertThat(cancelled.getString("statusReasonCode")).isEqualTo("consent-revoked");
            assertThat(cancelled.getString("statusReason")).isEqualTo("Consent revoked");
            assertThat(cancelled.getString("changedByRole")).isEqualTo("system");
            assertThat(Duration.between(revokedAt, Instant.parse(cancelled.getString("updatedAt"))))
                    .isLessThan(SECONDS);
            JsonNode event = awaitReferralUpdated(id, cancelled.getLong("version"));
            assertThat(event.get("status").asText()).isEqualTo("cancelled");
            assertThat(event.get("statusReasonCode").asText()).isEqualTo("consent-revoked");
            assertThat(event.get("changedByRole").asText()).isEqualTo("system");
            assertThat(event.hasNonNull("statusReason")).isFalse();
            // Closed for good: no next attempt at the second candidate, no match request.
            assertThat(need(UUID.fromString(open.getString("needId"))).state()).isEqualTo(RoutingState.CLOSED);
            assertThat(awaitAttempts(UUID.fromString(open.getString("needId")), 1))
                    .hasSize(1);
        }
        assertThat(referral(otherPerson.getString("id")).getString("status")).isEqualTo("requested");
        assertThat(referral(otherClinic.getString("id")).getString("status")).isEqualTo("requested");
    }

    @Test
    void replaysAndOlderVersionsChangeNothing() {
        String person = person();
        JsonPath open = routed(person, CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK));
        String id = open.getString("id");
        UUID consentId = UUID.randomUUID();
        UUID revocation = sendConsent(consentId, person, CLINIC, "revoked", null, null, 3);
        JsonPath cancelled = awaitStatus(id, "cancelled");
        int changes = history(id).getInt("totalItems");

        // The same event again, the same version in a new event, an older version saying active.
        sendConsent(revocation, consentId, person, CLINIC, "revoked", null, null, 3);
        sendConsent(consentId, person, CLINIC, "revoked", null, null, 3);
        sendConsent(consentId, person, CLINIC, "active", null, null, 2);
        // Same key, same partition: once a marker after them is applied, they were consumed. The marker is the
        // reference's decision at another clinic, which leaves this clinic's alone.
        sendConsent(UUID.randomUUID(), person, OTHER_CLINIC, "active", null, null, 1);
        await().atMost(TIMEOUT).until(() -> !decisionsOf(person, OTHER_CLINIC).isEmpty());

        assertThat(decision(consentId).version()).isEqualTo(3);
        assertThat(decision(consentId).status()).isEqualTo("revoked");
        assertThat(referral(id).getLong("version")).isEqualTo(cancelled.getLong("version"));
        assertThat(history(id).getInt("totalItems")).isEqualTo(changes);

        // The older "active" did not bring sharing back: a later match for the person makes no referral.
        UUID needId = UUID.randomUUID();
        UUID screeningId = route(person, CLINIC, null, match(needId, FOOD, false, FOODBANK));
        await().atMost(TIMEOUT).until(() -> need(needId) != null);
        assertThat(need(needId).state()).isEqualTo(RoutingState.CLOSED);
        assertThat(Fixtures.listByScreening("coordinator", screeningId).getInt("totalItems"))
                .isZero();
    }

    @Test
    void aRevocationThatArrivesBeforeTheMatchMeansNoReferralAtAll() {
        String person = person();
        UUID consentId = UUID.randomUUID();
        sendConsent(consentId, person, CLINIC, "revoked", null, null, 2);
        await().atMost(TIMEOUT).until(() -> decision(consentId) != null);

        UUID needId = UUID.randomUUID();
        UUID screeningId = route(person, CLINIC, null, match(needId, FOOD, false, FOODBANK, organization()));
        await().atMost(TIMEOUT).until(() -> need(needId) != null);
        NeedRouting blocked = need(needId);
        assertThat(blocked.state()).isEqualTo(RoutingState.CLOSED);
        assertThat(blocked.stateReason()).isEqualTo("consent-revoked");
        assertThat(blocked.attempts()).isZero();
        assertThat(Fixtures.listByScreening("coordinator", screeningId).getInt("totalItems"))
                .isZero();
        as("coordinator").get("/api/v1/work-queue/" + needId).then().statusCode(404);
    }

    @Test
    void aNewConsentWhoseEventIsLateStillLetsTheMatchOfItsScreeningThrough() {
        // The person revoked an earlier consent, then consented again at a new screening; the new decision's event
        // has not arrived when the screening's match does. The match names the new decision: it stands.
        String person = person();
        UUID earlier = UUID.randomUUID();
        sendConsent(earlier, person, CLINIC, "revoked", null, null, 2);
        await().atMost(TIMEOUT).until(() -> decision(earlier) != null);

        UUID needId = UUID.randomUUID();
        UUID screeningId = UUID.randomUUID();
        Fixtures.send(
                screeningId.toString(),
                UUID.randomUUID(),
                withConsentId(
                        org.careloop.referral.PrivacyFixtures.needsMatched(
                                screeningId,
                                person,
                                CLINIC,
                                null,
                                match(needId, FOOD, false, FOODBANK, organization())),
                        UUID.randomUUID()));
        assertThat(Fixtures.awaitReferrals(screeningId, 1).get(0).getString("status"))
                .isEqualTo("requested");

        // The same situation naming the revoked decision itself is closed.
        UUID otherNeed = UUID.randomUUID();
        UUID otherScreening = UUID.randomUUID();
        Fixtures.send(
                otherScreening.toString(),
                UUID.randomUUID(),
                withConsentId(
                        org.careloop.referral.PrivacyFixtures.needsMatched(
                                otherScreening,
                                person,
                                CLINIC,
                                null,
                                match(otherNeed, FOOD, false, FOODBANK, organization())),
                        earlier));
        await().atMost(TIMEOUT).until(() -> need(otherNeed) != null);
        assertThat(need(otherNeed).state()).isEqualTo(RoutingState.CLOSED);
    }

    private static String withConsentId(String needsMatched, UUID consentId) {
        return needsMatched.replaceFirst("\\{", "{\"consentId\":\"" + consentId + "\",");
    }

    @Test
    void narrowedRecipientsCancelOnlyTheReferralsToOrganizationsLeftOutAsExpired() {
        String person = person();
        String housing = organization();
        JsonPath kept = routed(person, CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK));
        JsonPath dropped = routed(person, CLINIC, null, match(UUID.randomUUID(), FOOD, false, housing));

        sendConsent(UUID.randomUUID(), person, CLINIC, "active", List.of(FOODBANK), null, 1);
        JsonPath cancelled = awaitStatus(dropped.getString("id"), "cancelled");
        assertThat(cancelled.getString("statusReasonCode")).isEqualTo("consent-expired");
        assertThat(referral(kept.getString("id")).getString("status")).isEqualTo("requested");

        // An expiry ends the rest.
        UUID expiry = UUID.randomUUID();
        sendConsent(expiry, person, CLINIC, "expired", null, null, 1);
        assertThat(awaitStatus(kept.getString("id"), "cancelled").getString("statusReasonCode"))
                .isEqualTo("consent-expired");
    }

    @Test
    void aDecisionWhosePeriodEndsEndsWhatItAllowedWithoutWaitingForAnEvent() {
        String person = person();
        JsonPath open = routed(person, CLINIC, null, match(UUID.randomUUID(), FOOD, false, FOODBANK));
        sendConsent(
                UUID.randomUUID(), person, CLINIC, "active", null, Instant.now().plusSeconds(2), 1);
        JsonPath ended = awaitStatus(open.getString("id"), "cancelled");
        assertThat(ended.getString("statusReasonCode")).isEqualTo("consent-expired");
        assertThat(ended.getString("changedByRole")).isEqualTo("system");
        assertThat(history(open.getString("id")).getString("items[1].changedBy"))
                .isEqualTo("careloop");
    }

    @Test
    void aMatchIsRoutedOnlyToOrganizationsTheConsentCovers() {
        String person = person();
        String covered = organization();
        // The match's recipients leave the best candidate out: the first attempt goes to the covered one.
        JsonPath first =
                routed(person, CLINIC, List.of(covered), match(UUID.randomUUID(), FOOD, false, FOODBANK, covered));
        assertThat(first.getString("ownerOrganizationId")).isEqualTo(covered);

        // The replica narrows it further: a rejection finds no covered candidate and asks the directory, within the
        // recipients, excluding the candidates outside them.
        String later = organization();
        sendConsent(UUID.randomUUID(), person, CLINIC, "active", List.of(covered, later), null, 1);
        await().atMost(TIMEOUT).until(() -> decisionsOf(person, CLINIC).size() == 1);
        UUID needId = UUID.randomUUID();
        JsonPath referral = routed(
                person, CLINIC, List.of(covered, later, FOODBANK), match(needId, FOOD, false, covered, FOODBANK));
        assertThat(referral.getString("ownerOrganizationId")).isEqualTo(covered);
        as("coordinator")
                .body(Map.of("status", "rejected", "reasonCode", "no-capacity"))
                .post(Fixtures.REFERRALS + "/" + referral.getString("id") + "/status")
                .then()
                .statusCode(200);
        JsonNode request = awaitMatchRequested(needId);
        assertThat(request.get("consentRecipients"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(covered, later);
        assertThat(request.get("excludeServiceIds"))
                .extracting(JsonNode::asText)
                .contains("svc-" + covered, "svc-" + FOODBANK);
    }

    @Test
    void aCoordinatorCannotAssignANeedToAnOrganizationTheConsentDoesNotCover() {
        String person = person();
        String outside = organization();
        String inside = organization();
        UUID needId = UUID.randomUUID();
        Map<String, Object> unmatched = Fixtures.unmatched(needId, FOOD);
        route(person, CLINIC, List.of(inside), unmatched);
        await().atMost(TIMEOUT).until(() -> need(needId) != null && need(needId).state() == RoutingState.QUEUED);
        sendCapacity("svc-" + outside, outside, "active", 5, 1);
        sendCapacity("svc-" + inside, inside, "active", 5, 1);
        await().atMost(TIMEOUT).untilAsserted(() -> as("coordinator")
                .body(Map.of("serviceId", "svc-" + outside))
                .post("/api/v1/work-queue/" + needId + "/assign")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/consent-not-covered"))
                .body("errors.field", hasItem("serviceId")));
        await().atMost(TIMEOUT).untilAsserted(() -> as("coordinator")
                .body(Map.of("serviceId", "svc-" + inside))
                .post("/api/v1/work-queue/" + needId + "/assign")
                .then()
                .statusCode(200));
    }

    @Test
    void aRevocationClosesTheNeedsThatWaitInTheWorkQueue() {
        String person = person();
        UUID needId = UUID.randomUUID();
        route(person, CLINIC, null, Fixtures.unmatched(needId, FOOD));
        await().atMost(TIMEOUT).until(() -> need(needId) != null && need(needId).state() == RoutingState.QUEUED);
        sendConsent(UUID.randomUUID(), person, CLINIC, "revoked", null, null, 2);
        await().atMost(TIMEOUT).until(() -> need(needId).state() == RoutingState.CLOSED);
        assertThat(need(needId).stateReason()).isEqualTo("consent-revoked");
    }

    @Test
    void anInvalidDecisionGoesToTheDeadLetterTopic() {
        String key = person();
        KafkaEvents.send(
                Topics.CONSENT_CHANGED,
                key,
                "{\"consentId\":\"" + UUID.randomUUID() + "\",\"personRef\":\"\",\"requesterOrganizationId\":\""
                        + CLINIC + "\",\"status\":\"withdrawn\",\"changedAt\":\"" + Instant.now() + "\",\"version\":1}",
                KafkaEvents.cloudEventHeaders(
                        UUID.randomUUID().toString(), org.careloop.contracts.EventTypes.CONSENT_CHANGED));
        KafkaEvents.Event dead = KafkaEvents.await(Topics.DLQ_REFERRAL, e -> key.equals(e.key()), TIMEOUT);
        assertThat(dead.header("dead-letter-reason")).contains("invalid");
    }

    private List<ConsentDecision> decisionsOf(String person, String clinic) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> decisions.findByPerson(person, clinic)));
    }

    private ConsentDecision decision(UUID consentId) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> decisions.findById(consentId)));
    }

    private NeedRouting need(UUID needId) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> routings.findById(needId)));
    }
}
