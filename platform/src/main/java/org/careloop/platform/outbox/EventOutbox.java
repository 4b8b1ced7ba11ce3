package org.careloop.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one way a service publishes an event: it is stored in the outbox inside the caller's transaction and relayed to
 * Kafka after commit. Call it from the same {@code @WithTransaction} that changes the state the event reports.
 *
 * <p>Per-key order does not rest on callers: before the row is written, {@code append} takes a transaction-scoped
 * lock on the event's topic and key. A second transaction writing an event with the same key waits until the first
 * one commits or rolls back, so rows of one key get ids in commit order and the relay, which publishes in id order,
 * never publishes a later change before an earlier one.
 */
@ApplicationScoped
public class EventOutbox {

    private final OutboxRepository repository;
    private final ObjectMapper mapper;
    private final OutboxConfig config;

    public EventOutbox(OutboxRepository repository, ObjectMapper mapper, OutboxConfig config) {
        this.repository = repository;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Appends an event to the outbox.
     *
     * @param topic Kafka topic
     * @param type CloudEvents type, see {@code org.careloop.contracts.EventTypes}
     * @param key aggregate id; the Kafka record key, so events of one aggregate stay ordered
     * @param data the event data record; serialized as JSON
     * @return the event id ({@code ce_id})
     */
    /**
     * An event of {@link #appendAll}.
     *
     * @param key aggregate id (the Kafka record key)
     * @param data the event data record
     */
    public record Keyed(String key, Object data) {}

    /**
     * Appends many events of one topic and type in two statements (one lock statement for all keys, one insert): what
     * {@link #append} does for each, in list order. Callers give the keys in a stable order (e.g. sorted), as other
     * transactions lock the same keys.
     *
     * @return the event ids, in list order
     */
    public Uni<List<UUID>> appendAll(String topic, String type, List<Keyed> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        ArrayNode keys = mapper.createArrayNode();
        ArrayNode rows = mapper.createArrayNode();
        List<UUID> ids = new ArrayList<>(events.size());
        String createdAt = Instant.now().toString();
        try {
            for (Keyed e : events) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                keys.add(e.key());
                ObjectNode row = rows.addObject();
                row.put("event_id", id.toString());
                row.put("topic", topic);
                row.put("event_key", e.key());
                row.put("event_type", type);
                row.put("source", config.source());
                row.put("subject", e.key());
                row.put("payload", mapper.writeValueAsString(e.data()));
                row.put("created_at", createdAt);
            }
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event data is not serializable", e));
        }
        return repository
                .lockKeys(topic, keys.toString(), events.size())
                .chain(() -> repository.insertAll(rows.toString()))
                .replaceWith(ids);
    }

    public Uni<UUID> append(String topic, String type, String key, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.eventKey = key;
        event.subject = key;
        event.source = config.source();
        event.createdAt = Instant.now();
        try {
            event.payload = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Event data is not serializable", e));
        }
        return repository
                .lockKey(topic, key)
                .chain(() -> repository.persist(event))
                .replaceWith(event.eventId);
    }
}
