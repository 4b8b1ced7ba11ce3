package org.careloop.directory.responsiveness;

/** How a requested referral first left {@code requested}, from the point of view of its organization. */
public enum ResponseKind {
    /** The organization itself took it on (accepted, or went straight to in progress, on hold or completed). */
    ACCEPTED,
    /** The organization itself turned it down (rejected, or failed before taking it on). */
    REJECTED,
    /** Nobody at the organization answered in time: CareLoop recalled it. Counts as no response. */
    RECALLED,
    /** Someone else ended or moved it (the clinic cancelled, a coordinator acted on the organization's behalf). */
    NONE
}
