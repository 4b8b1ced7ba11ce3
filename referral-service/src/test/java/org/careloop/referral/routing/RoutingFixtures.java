package org.careloop.referral.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.lifecycle.Fixtures.CLINIC;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.assertMatchesSchema;
import static org.careloop.referral.lifecycle.Fixtures.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.referral.lifecycle.Fixtures;
import org.careloop.testing.KafkaEvents;

/** Builds and injects the events routing reacts to, and reads what it publishes. */
public final class RoutingFixtures {

    public static final String FOOD = "food-insecurity";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RoutingFixtures() {}

    /** A candidate service: {@code svc-<organization>} of {@code organization}. */
    public static Map<String, Object> candidate(String organizationId, int rank) {
        return candidate("svc-" + organizationId, organizationId, rank);
    }

    public static Map<String, Object> candidate(String serviceId, String organizationId, int rank) {
        Map<String, Object> c = new HashMap<>();
        c.put("serviceId", serviceId);
        c.put("organizationId", organizationId);
        c.put("rank", rank);
        c.put("reason", "rank " + rank);
        c.put("available", 10);
        c.put("score", 1.0 / rank);
        return c;
    }

    /** A matched need whose best candidate is the first of {@code candidates}. */
    @SafeVarargs
    public static Map<String, Object> matchWith(UUID needId, String category, Map<String, Object>... candidates) {
        Map<String, Object> match = new HashMap<>();
        match.put("needId", needId.toString());
        match.put("category", category);
        match.put("serviceId", candidates[0].get("serviceId"));
        match.put("organizationId", candidates[0].get("organizationId"));
        match.put("rank", 1);
        match.put("reason", "best candidate");
        match.put("candidates", List.of(candidates));
        return match;
    }

    /** A screening with one need matched to {@code candidates}; returns the need's first referral. */
    @SafeVarargs
    public static JsonPath routedNeed(UUID screeningId, UUID needId, Map<String, Object>... candidates) {
        Fixtures.send(
                screeningId.toString(),
                UUID.randomUUID(),
                Fixtures.needsMatched(screeningId, true, List.of(matchWith(needId, FOOD, candidates))));
        return Fixtures.awaitReferrals(screeningId, 1).get(0);
    }

    /** The directory's answer to a match request. */
    public static void sendAnswer(UUID screeningId, UUID requestId, Map<String, Object> match) {
        Map<String, Object> data = new HashMap<>();
        data.put("screeningId", screeningId.toString());
        data.put("patientId", "patient-" + screeningId);
        data.put("requesterOrganizationId", CLINIC);
        data.put("consentToShare", true);
        data.put("matchedAt", Instant.now().toString());
        data.put("matches", List.of(match));
        data.put("matchRequestId", requestId.toString());
        Fixtures.send(screeningId.toString(), UUID.randomUUID(), write(data));
    }

    /** A chase of notification-service. */
    public static void sendChase(String referralId, String kind, long referralVersion) {
        Map<String, Object> data = new HashMap<>();
        data.put("chaseId", UUID.randomUUID().toString());
        data.put("referralId", referralId);
        data.put("kind", kind);
        data.put("referralVersion", referralVersion);
        data.put("ownerOrganizationId", "org-foodbank");
        data.put("requesterOrganizationId", CLINIC);
        data.put("category", FOOD);
        data.put("dueAt", Instant.now().minusSeconds(1).toString());
        data.put("firedAt", Instant.now().toString());
        data.put("policy", "default");
        KafkaEvents.send(
                Topics.REFERRAL_CHASED,
                referralId,
                write(data),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.REFERRAL_CHASED));
    }

    /** The directory's state of a service. */
    public static void sendCapacity(
            String serviceId, String organizationId, String status, Integer available, long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("serviceId", serviceId);
        data.put("organizationId", organizationId);
        data.put("serviceStatus", status);
        data.put("categories", List.of(FOOD));
        data.put("unit", "place");
        data.put("available", available);
        data.put("maximum", 20);
        data.put("held", 0);
        data.put("version", version);
        data.put("cause", "report");
        data.put("changedAt", Instant.now().toString());
        KafkaEvents.send(
                Topics.CAPACITY_CHANGED,
                serviceId,
                write(data),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.CAPACITY_CHANGED));
    }

    /** The match-requested event published for a need, validated against its schema. */
    public static JsonNode awaitMatchRequested(UUID needId) {
        KafkaEvents.Event event =
                KafkaEvents.await(Topics.MATCH_REQUESTED, e -> needId.toString().equals(e.key()), TIMEOUT);
        JsonNode data = read(event.value());
        assertMatchesSchema(EventTypes.MATCH_REQUESTED, data);
        return data;
    }

    /** Every attempt at a need as the coordinator sees them, first attempt first, once there are {@code count}. */
    public static List<JsonPath> awaitAttempts(UUID needId, int count) {
        List<JsonPath> found = new ArrayList<>();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonPath page = as("coordinator")
                    .queryParam("needId", needId.toString())
                    .get(Fixtures.REFERRALS)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(page.getInt("totalItems")).isGreaterThanOrEqualTo(count);
            found.clear();
            page.getList("items", Map.class).stream()
                    .map(item -> new JsonPath(write(item)))
                    .sorted((a, b) -> Integer.compare(a.getInt("attempt"), b.getInt("attempt")))
                    .forEach(found::add);
        });
        return found;
    }

    /** A referral as the coordinator sees it. */
    public static JsonPath referral(String id) {
        return as("coordinator")
                .get(Fixtures.REFERRALS + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
