package org.careloop.referral.lifecycle.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.HOUSING;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.awaitReferrals;
import static org.careloop.referral.lifecycle.Fixtures.listByScreening;
import static org.careloop.referral.lifecycle.Fixtures.match;
import static org.careloop.referral.lifecycle.Fixtures.needsMatched;
import static org.careloop.referral.lifecycle.Fixtures.send;
import static org.careloop.referral.lifecycle.Fixtures.unmatched;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/**
 * The needs-matched consumer against a real broker. Records with one key land on one partition and are consumed in
 * order, so a "marker" event sent last with the same key proves that everything before it has been consumed.
 */
@QuarkusTest
class NeedsMatchedConsumerTests {

    @Test
    void withoutConsentNoReferralIsCreated() {
        String key = UUID.randomUUID().toString();
        UUID screeningId = UUID.randomUUID();
        send(
                key,
                UUID.randomUUID(),
                needsMatched(screeningId, false, List.of(match(UUID.randomUUID(), "food-insecurity", FOODBANK))));

        awaitMarker(key);
        assertThat(listByScreening("coordinator", screeningId).getInt("totalItems"))
                .isZero();
    }

    @Test
    void anEventDeliveredTwiceCreatesOneReferral() {
        String key = UUID.randomUUID().toString();
        UUID screeningId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String data = needsMatched(screeningId, true, List.of(match(UUID.randomUUID(), "food-insecurity", FOODBANK)));
        send(key, eventId, data);
        send(key, eventId, data);

        awaitMarker(key);
        assertThat(listByScreening("coordinator", screeningId).getInt("totalItems"))
                .isEqualTo(1);
        given().get("/q/metrics")
                .then()
                .body(containsString("careloop_events_consumed_total{outcome=\"duplicate\",topic=\"needs-matched\"}"))
                .body(containsString("careloop_referrals_created_total{category=\"food-insecurity\"}"));
    }

    @Test
    void aNeedMatchedTwiceIsRoutedOnce() {
        String key = UUID.randomUUID().toString();
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        // The directory matched the screening twice: two events, the same need. A need has one open attempt at a
        // time: the second match is ignored, whichever organization it names.
        send(
                key,
                UUID.randomUUID(),
                needsMatched(screeningId, true, List.of(match(needId, "food-insecurity", FOODBANK))));
        send(
                key,
                UUID.randomUUID(),
                needsMatched(
                        screeningId,
                        true,
                        List.of(
                                match(needId, "food-insecurity", FOODBANK),
                                match(needId, "food-insecurity", HOUSING))));

        awaitMarker(key);
        JsonPath referrals = listByScreening("coordinator", screeningId);
        assertThat(referrals.getList("items.ownerOrganizationId", String.class)).containsExactly(FOODBANK);
    }

    @Test
    void unmatchedNeedsGetNoReferral() {
        String key = UUID.randomUUID().toString();
        UUID screeningId = UUID.randomUUID();
        UUID matched = UUID.randomUUID();
        send(
                key,
                UUID.randomUUID(),
                needsMatched(
                        screeningId,
                        true,
                        List.of(
                                match(matched, "food-insecurity", FOODBANK),
                                unmatched(UUID.randomUUID(), "utility-insecurity"))));

        awaitMarker(key);
        assertThat(listByScreening("coordinator", screeningId).getList("items.needId", String.class))
                .containsExactly(matched.toString());
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndConsumingGoesOn() {
        String key = UUID.randomUUID().toString();
        send(key, UUID.randomUUID(), "{\"screeningId\": not json");

        KafkaEvents.Event dead = KafkaEvents.await(Topics.DLQ_REFERRAL, e -> key.equals(e.key()), TIMEOUT);
        assertThat(dead.value()).isEqualTo("{\"screeningId\": not json");
        assertThat(dead.header("dead-letter-reason")).contains("not a valid");
        awaitMarker(key);
    }

    @Test
    void recordsThatAreNotValidNeedsMatchedEventsAreDeadLettered() {
        UUID screeningId = UUID.randomUUID();
        String valid = needsMatched(screeningId, true, List.of(match(UUID.randomUUID(), "food-insecurity", FOODBANK)));

        String noId = UUID.randomUUID().toString();
        Map<String, String> headers =
                new HashMap<>(KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.NEEDS_MATCHED));
        headers.remove("ce_id");
        KafkaEvents.send(NeedsMatchedConsumer.CHANNEL, noId, valid, headers);

        String wrongType = UUID.randomUUID().toString();
        KafkaEvents.send(
                NeedsMatchedConsumer.CHANNEL,
                wrongType,
                valid,
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.SCREENING_COMPLETED));

        String invalid = UUID.randomUUID().toString();
        send(invalid, UUID.randomUUID(), valid.replace("\"patient-" + screeningId + "\"", "\"\""));

        for (String key : List.of(noId, wrongType, invalid)) {
            KafkaEvents.await(Topics.DLQ_REFERRAL, e -> key.equals(e.key()), TIMEOUT);
        }
        awaitMarker(invalid);
        assertThat(listByScreening("coordinator", screeningId).getInt("totalItems"))
                .isZero();
    }

    @Test
    void aMatchWithoutAnOrganizationRejectsTheWholeEvent() {
        String key = UUID.randomUUID().toString();
        UUID screeningId = UUID.randomUUID();
        send(
                key,
                UUID.randomUUID(),
                needsMatched(
                        screeningId,
                        true,
                        List.of(
                                match(UUID.randomUUID(), "food-insecurity", FOODBANK),
                                match(UUID.randomUUID(), "housing-instability", null))));

        KafkaEvents.Event dead = KafkaEvents.await(Topics.DLQ_REFERRAL, e -> key.equals(e.key()), TIMEOUT);
        assertThat(dead.header("dead-letter-reason")).contains("without an organizationId");
        awaitMarker(key);
        assertThat(listByScreening("coordinator", screeningId).getInt("totalItems"))
                .isZero();
    }

    /** Sends a consented one-need event with {@code key} and waits for its referral. */
    private static void awaitMarker(String key) {
        UUID marker = UUID.randomUUID();
        send(
                key,
                UUID.randomUUID(),
                needsMatched(marker, true, List.of(match(UUID.randomUUID(), "food-insecurity", FOODBANK))));
        awaitReferrals(marker, 1);
    }
}
