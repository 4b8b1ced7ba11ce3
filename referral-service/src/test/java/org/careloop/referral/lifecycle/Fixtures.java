package org.careloop.referral.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.referral.lifecycle.messaging.NeedsMatchedConsumer;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.KafkaEvents;
import org.careloop.testing.Tokens;

/** Builds and injects needs-matched events, calls the API as demo users and reads referral-updated events. */
public final class Fixtures {

    public static final String CLINIC = "org-eastside-clinic";
    public static final String FOODBANK = "org-foodbank";
    public static final String HOUSING = "org-housing";
    public static final String REFERRALS = "/api/v1/referrals";
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** One matched need. */
    public static Map<String, Object> match(UUID needId, String category, String organizationId) {
        Map<String, Object> match = new HashMap<>();
        match.put("needId", needId.toString());
        match.put("category", category);
        match.put("serviceId", "svc-" + organizationId + "-" + category);
        match.put("organizationId", organizationId);
        match.put("rank", 1);
        match.put("reason", "Closest service with capacity");
        return match;
    }

    /** One need nothing was found for. */
    public static Map<String, Object> unmatched(UUID needId, String category) {
        Map<String, Object> match = new HashMap<>();
        match.put("needId", needId.toString());
        match.put("category", category);
        match.put("serviceId", null);
        match.put("organizationId", null);
        match.put("rank", 0);
        match.put("reason", "No service with capacity");
        return match;
    }

    /** The data of a needs-matched event. */
    public static String needsMatched(UUID screeningId, boolean consent, List<Map<String, Object>> matches) {
        Map<String, Object> data = new HashMap<>();
        data.put("screeningId", screeningId.toString());
        data.put("patientId", "patient-" + screeningId);
        data.put("requesterOrganizationId", CLINIC);
        data.put("consentToShare", consent);
        data.put("matchedAt", Instant.now().toString());
        data.put("matches", matches);
        return write(data);
    }

    /** Injects a needs-matched record keyed by {@code key}; records with one key are consumed in order. */
    public static void send(String key, UUID eventId, String data) {
        KafkaEvents.send(
                NeedsMatchedConsumer.CHANNEL,
                key,
                data,
                KafkaEvents.cloudEventHeaders(eventId.toString(), EventTypes.NEEDS_MATCHED));
    }

    /** Sends a consented screening with one need matched to {@code organizationId}; returns the new referral. */
    public static JsonPath newReferral(String organizationId) {
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        send(
                screeningId.toString(),
                UUID.randomUUID(),
                needsMatched(screeningId, true, List.of(match(needId, "food-insecurity", organizationId))));
        return awaitReferrals(screeningId, 1).get(0);
    }

    /** Waits until the coordinator sees {@code count} referrals of a screening; returns them. */
    public static List<JsonPath> awaitReferrals(UUID screeningId, int count) {
        await().atMost(TIMEOUT)
                .until(() -> listByScreening("coordinator", screeningId).getInt("totalItems") >= count);
        JsonPath page = listByScreening("coordinator", screeningId);
        return page.getList("items", Map.class).stream()
                .map(item -> new JsonPath(write(item)))
                .toList();
    }

    public static JsonPath listByScreening(String user, UUID screeningId) {
        return as(user).queryParam("screeningId", screeningId.toString())
                .get(REFERRALS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A request with a real access token of a demo user. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    public static String statusBody(String status, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("reason", reason);
        return write(body);
    }

    /** The referral-updated event of a referral at a version. */
    public static JsonNode awaitReferralUpdated(String referralId, long version) {
        KafkaEvents.Event event = KafkaEvents.await(
                Topics.REFERRAL_UPDATED,
                e -> referralId.equals(e.key())
                        && read(e.value()).path("version").asLong() == version,
                TIMEOUT);
        if (!EventTypes.REFERRAL_UPDATED.equals(event.header("ce_type")) || event.header("ce_id") == null) {
            throw new AssertionError("referral-updated without CloudEvents headers: " + event.headers());
        }
        JsonNode data = read(event.value());
        assertMatchesSchema(EventTypes.REFERRAL_UPDATED, data);
        return data;
    }

    public static void assertMatchesSchema(String type, JsonNode data) {
        EventSchemas.assertValid(type, data);
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
