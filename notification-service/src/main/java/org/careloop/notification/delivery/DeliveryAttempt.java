package org.careloop.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The record of one attempt of a delivery. */
@Entity
@Table(name = "delivery_attempt")
@IdClass(DeliveryAttempt.Key.class)
public class DeliveryAttempt {

    @Id
    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Id
    public int attempt;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    public boolean delivered;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "latency_ms")
    public long latencyMillis;

    public String error;

    /** The composite key. */
    public record Key(UUID deliveryId, int attempt) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
