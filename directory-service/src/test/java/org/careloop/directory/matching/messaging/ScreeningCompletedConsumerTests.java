package org.careloop.directory.matching.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.TestDirectory.importDemo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.directory.Events;
import org.careloop.directory.KafkaRecords;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The screening-completed consumer against the real broker and database. Categories of this class: the demo's
 * food-insecurity (two services: the food bank and the Northside pantry) and veteran-status (never listed).
 */
@QuarkusTest
class ScreeningCompletedConsumerTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOOD_SERVICES =
            List.of("svc-foodbank-pantry", "svc-northside-emergency-groceries");

    @Inject
    Pool database;

    @BeforeEach
    void restoreDemoDirectory() {
        importDemo();
    }

    private static String screening(UUID screeningId, String needsJson) {
        return """
                {"screeningId": "%s", "patientId": "patient-%s", "requesterOrganizationId": "org-eastside-clinic",
                 "instrument": "AHC-HRSN", "instrumentVersion": "2018-core-v1", "completedAt": "%s",
                 "consentToShare": true, "needs": %s}
                """.formatted(screeningId, screeningId, Instant.now(), needsJson);
    }

    private static String need(UUID needId, String category) {
        return """
                {"needId": "%s", "category": "%s", "evidence": ["88122-7"]}""".formatted(needId, category);
    }

    private static void send(UUID screeningId, String eventId, String data) {
        KafkaEvents.send(
                ScreeningCompletedConsumer.CHANNEL,
                screeningId.toString(),
                data,
                KafkaEvents.cloudEventHeaders(eventId, EventTypes.SCREENING_COMPLETED));
    }

    private static KafkaEvents.Event awaitMatched(UUID screeningId) {
        return KafkaEvents.await(
                Topics.NEEDS_MATCHED, e -> screeningId.toString().equals(e.key()), WAIT);
    }

    private static JsonNode json(String value) throws Exception {
        return JSON.readTree(value);
    }

    @Test
    void matchesEveryNeedOfACompletedScreening() throws Exception {
        UUID screeningId = UUID.randomUUID();
        UUID food = UUID.randomUUID();
        UUID veteran = UUID.randomUUID();
        send(
                screeningId,
                UUID.randomUUID().toString(),
                screening(
                        screeningId,
                        "[" + need(food, "food-insecurity") + ", " + need(veteran, "veteran-status") + "]"));

        KafkaEvents.Event event = awaitMatched(screeningId);

        assertThat(event.header("ce_type")).isEqualTo(EventTypes.NEEDS_MATCHED);
        assertThat(event.header("ce_source")).isEqualTo("/careloop/directory-service");
        assertThat(UUID.fromString(event.header("ce_id"))).isNotNull();
        JsonNode data = json(event.value());
        assertThat(data.get("screeningId").asText()).isEqualTo(screeningId.toString());
        assertThat(data.get("patientId").asText()).isEqualTo("patient-" + screeningId);
        assertThat(data.get("requesterOrganizationId").asText()).isEqualTo("org-eastside-clinic");
        assertThat(data.get("consentToShare").asBoolean()).isTrue();
        assertThat(data.get("matchedAt").asText()).isNotBlank();
        JsonNode matches = data.get("matches");
        assertThat(matches).hasSize(2);

        JsonNode matched = matches.get(0);
        assertThat(matched.get("needId").asText()).isEqualTo(food.toString());
        assertThat(matched.get("category").asText()).isEqualTo("food-insecurity");
        // The demo has two food services; which one comes first depends on the places the other tests took.
        assertThat(matched.get("serviceId").asText()).isIn(FOOD_SERVICES);
        assertThat(matched.get("organizationId").asText()).isIn("org-foodbank", "org-northside-pantry");
        assertThat(matched.get("rank").asInt()).isEqualTo(1);
        assertThat(matched.get("reason").asText()).startsWith("active, ").contains("household places free");
        assertThat(matched.get("candidates")).hasSize(2);
        assertThat(matched.get("candidates").get(0).get("serviceId").asText())
                .isEqualTo(matched.get("serviceId").asText());
        assertThat(matched.get("candidates"))
                .extracting(c -> c.get("serviceId").asText())
                .containsExactlyInAnyOrderElementsOf(FOOD_SERVICES);
        Events.valid(EventTypes.NEEDS_MATCHED, event.value());

        JsonNode unmatched = matches.get(1);
        assertThat(unmatched.get("needId").asText()).isEqualTo(veteran.toString());
        assertThat(unmatched.get("serviceId").isNull()).isTrue();
        assertThat(unmatched.get("organizationId").isNull()).isTrue();
        assertThat(unmatched.get("rank").asInt()).isZero();
        assertThat(unmatched.get("reason").asText()).isEqualTo("no service in the directory addresses veteran-status");
        assertThat(unmatched.get("candidates")).isEmpty();

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines())
                .anyMatch(l -> l.startsWith("careloop_matches_total{")
                        && l.contains("category=\"food-insecurity\"")
                        && l.contains("outcome=\"matched\""))
                .anyMatch(l -> l.startsWith("careloop_matches_total{")
                        && l.contains("category=\"veteran-status\"")
                        && l.contains("outcome=\"unmatched\""));
    }

    @Test
    void onlyOrganizationsTheConsentCoversAreCandidatesAndTheRoutingConstraintsTravelOn() throws Exception {
        UUID screeningId = UUID.randomUUID();
        UUID food = UUID.randomUUID();
        UUID consentId = UUID.randomUUID();
        String data = """
                {"screeningId": "%s", "patientId": "p1-%s", "requesterOrganizationId": "org-eastside-clinic",
                 "instrument": "AHC-HRSN", "instrumentVersion": "2018-core-v1", "completedAt": "%s",
                 "consentToShare": true,
                 "needs": [{"needId": "%s", "category": "food-insecurity", "evidence": ["88122-7"], "sensitive": false}],
                 "consent": {"consentId": "%s", "recipients": ["org-northside-pantry"], "validUntil": null},
                 "doNotContact": true, "postalArea": "021", "ageBand": "26-44", "preferredLanguage": "es"}
                """.formatted(screeningId, screeningId, Instant.now(), food, consentId);
        send(screeningId, UUID.randomUUID().toString(), data);

        KafkaEvents.Event event = awaitMatched(screeningId);
        JsonNode matched = json(event.value());
        Events.valid(EventTypes.NEEDS_MATCHED, event.value());
        assertThat(matched.get("doNotContact").asBoolean()).isTrue();
        assertThat(matched.get("consentId").asText()).isEqualTo(consentId.toString());
        assertThat(matched.get("consentRecipients"))
                .extracting(JsonNode::asText)
                .containsExactly("org-northside-pantry");
        JsonNode match = matched.get("matches").get(0);
        assertThat(match.get("sensitive").asBoolean()).isFalse();
        assertThat(match.get("organizationId").asText()).isEqualTo("org-northside-pantry");
        assertThat(match.get("candidates"))
                .extracting(c -> c.get("organizationId").asText())
                .containsOnly("org-northside-pantry");
    }

    @Test
    void aScreeningWithoutNeedsStillGetsAnAnswer() throws Exception {
        UUID screeningId = UUID.randomUUID();
        send(screeningId, UUID.randomUUID().toString(), screening(screeningId, "[]"));

        JsonNode data = json(awaitMatched(screeningId).value());

        assertThat(data.get("screeningId").asText()).isEqualTo(screeningId.toString());
        assertThat(data.get("matches")).isEmpty();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = screening(first, "[" + need(UUID.randomUUID(), "food-insecurity") + "]");
        var headers = KafkaEvents.cloudEventHeaders(eventId, EventTypes.SCREENING_COMPLETED);
        // One partition: the consumer handles the three records in order, so once the second screening is
        // answered the redelivered event has certainly been seen.
        KafkaRecords.sendToPartition(ScreeningCompletedConsumer.CHANNEL, 0, first.toString(), data, headers);
        KafkaRecords.sendToPartition(ScreeningCompletedConsumer.CHANNEL, 0, first.toString(), data, headers);
        KafkaRecords.sendToPartition(
                ScreeningCompletedConsumer.CHANNEL,
                0,
                second.toString(),
                screening(second, "[]"),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.SCREENING_COMPLETED));

        awaitMatched(second);

        long published = database.preparedQuery("select count(*) from outbox_event where topic = $1 and event_key = $2")
                .execute(Tuple.of(Topics.NEEDS_MATCHED, first.toString()))
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0);
        assertThat(published).isEqualTo(1);
        awaitMatched(first);
        assertThat(KafkaRecords.readAll(Topics.NEEDS_MATCHED, WAIT))
                .filteredOn(e -> first.toString().equals(e.key()))
                .hasSize(1);
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        UUID badJson = UUID.randomUUID();
        UUID noId = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        send(badJson, UUID.randomUUID().toString(), "{\"screeningId\": \"" + badJson + "\", \"needs\": [");
        Map<String, String> withoutId =
                new HashMap<>(KafkaEvents.cloudEventHeaders("unused", EventTypes.SCREENING_COMPLETED));
        withoutId.remove("ce_id");
        KafkaEvents.send(ScreeningCompletedConsumer.CHANNEL, noId.toString(), screening(noId, "[]"), withoutId);
        // Well-formed JSON that breaks the contract: no patientId.
        send(
                invalid,
                UUID.randomUUID().toString(),
                screening(invalid, "[]").replace("\"patientId\": \"patient-" + invalid + "\",", ""));
        send(
                next,
                UUID.randomUUID().toString(),
                screening(next, "[" + need(UUID.randomUUID(), "food-insecurity") + "]"));

        for (UUID rejected : new UUID[] {badJson, noId, invalid}) {
            KafkaEvents.Event dead = KafkaEvents.await(
                    Topics.DLQ_DIRECTORY, e -> e.value() != null && e.value().contains(rejected.toString()), WAIT);
            assertThat(dead.header("dead-letter-reason")).isNotBlank();
        }
        JsonNode answered = json(awaitMatched(next).value());
        assertThat(answered.get("matches").get(0).get("serviceId").asText()).isIn(FOOD_SERVICES);
    }
}
