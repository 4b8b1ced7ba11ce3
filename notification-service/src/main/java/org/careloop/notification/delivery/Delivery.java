package org.careloop.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One notice to one destination, with where its attempts stand. Ids and codes only. */
@Entity
@Table(name = "delivery")
public class Delivery {

    /** The next attempt of a delivery that waits for an earlier one of its lane, or for its destination's resumption. */
    public static final Instant WAITING = Instant.parse("9999-01-01T00:00:00Z");

    @Id
    public UUID id;

    /** Creation order; orders the deliveries of one destination and referral. Assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "notice_type")
    public String noticeType;

    public String channel;

    /** The channel's address: a subscription id, an e-mail address. */
    public String target;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "referral_id")
    public UUID referralId;

    /** Deliveries of one destination and order key are sent one at a time, in creation order. */
    @Column(name = "order_key")
    public UUID orderKey;

    public String language;

    /** The notice as JSON. */
    public String notice;

    @Enumerated(EnumType.STRING)
    public DeliveryState state;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When what the notice tells happened: the start of the delivery delay. */
    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_latency_ms")
    public Long lastLatencyMillis;

    @Column(name = "last_error")
    public String lastError;

    /** The delivery this one replays, if it is a replay. */
    @Column(name = "replay_of")
    public UUID replayOf;

    /** The lane: destination and order key; its deliveries go out one at a time, in seq order. */
    public String lane() {
        return channel + " " + target + " " + orderKey;
    }

    public Destination destination() {
        return new Destination(channel, target, organizationId, language);
    }
}
