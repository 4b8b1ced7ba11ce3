package org.careloop.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.notification.organization.messaging.CapacityChangedConsumer;
import org.careloop.testing.KafkaEvents;

/** Injects {@code capacity-changed} events into the test broker as the directory service would publish them. */
public final class DirectoryEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DirectoryEvents() {}

    /** The data of a capacity snapshot of a service of an organization. */
    public static String data(String serviceId, String organizationId, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("serviceId", serviceId);
        data.put("organizationId", organizationId);
        data.put("serviceStatus", "active");
        data.put("categories", List.of("food-insecurity"));
        data.put("unit", "household");
        data.put("available", 10);
        data.put("maximum", 40);
        data.put("held", 2);
        data.put("version", version);
        data.put("cause", "report");
        data.put("changedAt", Instant.now().toString());
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a capacity snapshot under a new event id; returns the id. */
    public static UUID send(String serviceId, String organizationId, long version) {
        UUID eventId = UUID.randomUUID();
        sendRaw(eventId, serviceId, data(serviceId, organizationId, version));
        return eventId;
    }

    /** Sends any payload under a given event id, keyed by the service like the real producer. */
    public static void sendRaw(UUID eventId, String serviceId, String payload) {
        KafkaEvents.send(
                CapacityChangedConsumer.CHANNEL,
                serviceId,
                payload,
                KafkaEvents.cloudEventHeaders(eventId.toString(), EventTypes.CAPACITY_CHANGED));
    }
}
