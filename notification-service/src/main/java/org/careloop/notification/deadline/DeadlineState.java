package org.careloop.notification.deadline;

/** Where an acknowledgement deadline stands. */
public enum DeadlineState {
    /** The owner has not responded yet; the clock is running. */
    OPEN,
    /** The owner itself responded (accepted, rejected or started work) before the deadline was closed. */
    MET,
    /**
     * The referral left {@code requested} without an owner response: cancelled, entered in error, recalled, or a
     * coordinator set a status on the owner's behalf.
     */
    CLEARED
}
