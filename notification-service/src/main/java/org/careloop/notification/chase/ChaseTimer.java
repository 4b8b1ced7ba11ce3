package org.careloop.notification.chase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A chase that is due at a given time: pending until it fires (and becomes the record of the chase) or is cancelled.
 * Ids and codes only; the id is the {@code chaseId} of the event it publishes.
 */
@Entity
@Table(name = "chase_timer")
public class ChaseTimer {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public TimerKind kind;

    @Enumerated(EnumType.STRING)
    public TimerState state;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "need_id")
    public UUID needId;

    /** The referral version the timer was scheduled for, published as {@code referralVersion}. */
    @Column(name = "referral_version")
    public long referralVersion;

    @Column(name = "owner_organization_id")
    public String ownerOrganizationId;

    @Column(name = "requester_organization_id")
    public String requesterOrganizationId;

    public String category;

    /** {@code default} or {@code organization}: which policy set the due time. */
    public String policy;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "fired_at")
    public Instant firedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    public ChaseTimer() {}

    /**
     * The record of this (repeating) timer firing now: a copy under a new id, FIRED, due when this timer was. The
     * timer itself stays pending for its next due time.
     */
    public ChaseTimer firedRecord(Instant now) {
        ChaseTimer record = new ChaseTimer();
        record.id = UUID.randomUUID();
        record.kind = kind;
        record.state = TimerState.FIRED;
        record.referralId = referralId;
        record.needId = needId;
        record.referralVersion = referralVersion;
        record.ownerOrganizationId = ownerOrganizationId;
        record.requesterOrganizationId = requesterOrganizationId;
        record.category = category;
        record.policy = policy;
        record.dueAt = dueAt;
        record.createdAt = createdAt;
        record.firedAt = now;
        return record;
    }

    /** A new pending timer. */
    public static ChaseTimer pending(
            TimerKind kind,
            UUID referralId,
            UUID needId,
            long referralVersion,
            String ownerOrganizationId,
            String requesterOrganizationId,
            String category,
            String policy,
            Instant dueAt,
            Instant now) {
        ChaseTimer timer = new ChaseTimer();
        timer.id = UUID.randomUUID();
        timer.kind = kind;
        timer.state = TimerState.PENDING;
        timer.referralId = referralId;
        timer.needId = needId;
        timer.referralVersion = referralVersion;
        timer.ownerOrganizationId = ownerOrganizationId;
        timer.requesterOrganizationId = requesterOrganizationId;
        timer.category = category;
        timer.policy = policy;
        timer.dueAt = dueAt;
        timer.createdAt = now;
        return timer;
    }
}
