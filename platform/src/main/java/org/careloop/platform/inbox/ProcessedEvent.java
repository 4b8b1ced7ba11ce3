package org.careloop.platform.inbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An event this service has already applied; recorded in the same transaction as the effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String topic;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    public ProcessedEvent() {}

    public ProcessedEvent(UUID eventId, String type, String topic, Instant processedAt) {
        this.eventId = eventId;
        this.type = type;
        this.topic = topic;
        this.processedAt = processedAt;
    }
}
