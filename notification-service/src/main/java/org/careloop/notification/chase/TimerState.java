package org.careloop.notification.chase;

/** Where a chase timer stands. */
public enum TimerState {
    /** Waiting for its due time. */
    PENDING,
    /** Fired: its {@code referral-chased} event was written to the outbox in the same transaction. */
    FIRED,
    /** Made moot by a referral change before it fell due. */
    CANCELLED
}
