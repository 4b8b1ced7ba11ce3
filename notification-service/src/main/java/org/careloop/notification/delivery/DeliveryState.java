package org.careloop.notification.delivery;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Waiting for its next attempt (or for an earlier delivery of its referral, or for its paused destination). */
    PENDING,
    /** Claimed by a worker and being sent. */
    SENDING,
    /** The recipient took it. */
    DELIVERED,
    /** Every attempt failed (or the recipient refused it for good); a replay or resuming the destination retries. */
    FAILED,
    /** Its destination was deleted before it was sent. */
    CANCELLED
}
