package org.careloop.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.KafkaEvents;

/** Builds the events the directory consumes, and reads and validates the ones it publishes. */
public final class Events {

    public static final Duration WAIT = Duration.ofSeconds(60);
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {}

    /** One need of a screening. */
    public record Need(UUID needId, String category) {
        public static Need of(String category) {
            return new Need(UUID.randomUUID(), category);
        }
    }

    /** The data of a screening-completed event. */
    public static String screening(UUID screeningId, boolean consent, Need... needs) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("screeningId", screeningId);
        data.put("patientId", "patient-" + screeningId);
        data.put("requesterOrganizationId", "org-eastside-clinic");
        data.put("instrument", "AHC-HRSN");
        data.put("instrumentVersion", "2018-core-v1");
        data.put("completedAt", Instant.now());
        data.put("consentToShare", consent);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Need need : needs) {
            list.add(Map.of("needId", need.needId(), "category", need.category(), "evidence", List.of("88122-7")));
        }
        data.put("needs", list);
        return write(data);
    }

    /** Sends a screening-completed event keyed by its screening id. */
    public static void sendScreening(UUID screeningId, boolean consent, Need... needs) {
        KafkaEvents.send(
                Topics.SCREENING_COMPLETED,
                screeningId.toString(),
                screening(screeningId, consent, needs),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.SCREENING_COMPLETED));
    }

    /** The needs-matched answer to a screening (or a match request keyed by that screening) that satisfies a test. */
    public static JsonNode awaitNeedsMatched(UUID screeningId, Predicate<JsonNode> match) {
        KafkaEvents.Event event = KafkaEvents.await(
                Topics.NEEDS_MATCHED, e -> screeningId.toString().equals(e.key()) && match.test(read(e.value())), WAIT);
        assertThat(event.header("ce_type")).isEqualTo(EventTypes.NEEDS_MATCHED);
        return valid(EventTypes.NEEDS_MATCHED, event.value());
    }

    public static JsonNode awaitNeedsMatched(UUID screeningId) {
        return awaitNeedsMatched(screeningId, data -> true);
    }

    /**
     * The data of a referral-updated event with the fields the directory reads; callers adjust the map. The role is
     * the owner's for statuses only the owner sets, the system's otherwise.
     */
    public static Map<String, Object> referral(
            UUID referralId,
            long version,
            String status,
            String previousStatus,
            UUID needId,
            String category,
            String organizationId,
            String serviceId) {
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("version", version);
        data.put("status", status);
        data.put("previousStatus", previousStatus);
        data.put("statusReason", null);
        data.put("screeningId", UUID.nameUUIDFromBytes(needId.toString().getBytes()));
        data.put("needId", needId);
        data.put("patientId", "patient-" + needId);
        data.put("category", category);
        data.put("requesterOrganizationId", "org-eastside-clinic");
        data.put("ownerOrganizationId", organizationId);
        data.put("serviceId", serviceId);
        data.put("updatedAt", now);
        data.put("attempt", 1);
        data.put("previousReferralId", null);
        data.put("statusReasonCode", null);
        data.put("outcome", "completed".equals(status) ? "need-resolved" : null);
        data.put(
                "changedByRole",
                List.of("accepted", "rejected", "in-progress", "on-hold", "failed", "completed")
                                .contains(status)
                        ? "owner"
                        : "system");
        data.put("requestedAt", now);
        return data;
    }

    /** Sends a referral-updated record to partition 0, so records sent this way are consumed in order. */
    public static String sendReferral(Map<String, Object> data) {
        String eventId = UUID.randomUUID().toString();
        sendReferral(data, eventId);
        return eventId;
    }

    /** Sends a referral-updated record with a given event id (to redeliver one) to partition 0. */
    public static void sendReferral(Map<String, Object> data, String eventId) {
        KafkaRecords.sendToPartition(
                Topics.REFERRAL_UPDATED,
                0,
                data.get("referralId").toString(),
                write(data),
                KafkaEvents.cloudEventHeaders(eventId, EventTypes.REFERRAL_UPDATED));
    }

    /** Every capacity-changed event published for a service so far, in order, each checked against the schema. */
    public static List<JsonNode> capacityChanges(String serviceId) {
        return KafkaRecords.readAll(Topics.CAPACITY_CHANGED, WAIT).stream()
                .filter(e -> serviceId.equals(e.key()))
                .peek(e -> assertThat(e.header("ce_type")).isEqualTo(EventTypes.CAPACITY_CHANGED))
                .map(e -> valid(EventTypes.CAPACITY_CHANGED, e.value()))
                .toList();
    }

    /** Parses event data and asserts that it is valid against the contract's JSON Schema of its type. */
    public static JsonNode valid(String type, String value) {
        return EventSchemas.valid(type, value);
    }

    public static JsonNode read(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + value, e);
        }
    }

    public static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
