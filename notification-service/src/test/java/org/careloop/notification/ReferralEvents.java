package org.careloop.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.notification.chase.messaging.ReferralUpdatedConsumer;
import org.careloop.testing.KafkaEvents;

/** Injects {@code referral-updated} events into the test broker as the referral service would publish them. */
public final class ReferralEvents {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReferralEvents() {}

    /** The JSON data of a referral-updated event for the food bank, as an older producer wrote it. */
    public static String data(UUID referralId, long version, String status, Instant updatedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId.toString());
        data.put("version", version);
        data.put("status", status);
        data.put("previousStatus", version == 1 ? null : "requested");
        data.put("statusReason", null);
        data.put("screeningId", UUID.randomUUID().toString());
        data.put("needId", UUID.randomUUID().toString());
        data.put("patientId", "patient-" + referralId);
        data.put("category", "food-insecurity");
        data.put("requesterOrganizationId", "org-eastside-clinic");
        data.put("ownerOrganizationId", "org-foodbank");
        data.put("serviceId", "svc-food-pantry");
        data.put("updatedAt", updatedAt.toString());
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a referral-updated event with a new event id; returns the id. */
    public static UUID send(UUID referralId, long version, String status, Instant updatedAt) {
        UUID eventId = UUID.randomUUID();
        sendRaw(eventId, referralId, data(referralId, version, status, updatedAt));
        return eventId;
    }

    /** Sends a change with all the fields of today's producer; returns the event id. */
    public static UUID send(ReferralChange change) {
        UUID eventId = UUID.randomUUID();
        try {
            sendRaw(eventId, change.referralId, JSON.writeValueAsString(change.event()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** Sends any payload under a given event id, keyed by the referral like the real producer. */
    public static void sendRaw(UUID eventId, UUID referralId, String payload) {
        KafkaEvents.send(
                ReferralUpdatedConsumer.CHANNEL,
                referralId.toString(),
                payload,
                KafkaEvents.cloudEventHeaders(eventId.toString(), EventTypes.REFERRAL_UPDATED));
    }
}
