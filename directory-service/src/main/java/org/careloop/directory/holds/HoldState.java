package org.careloop.directory.holds;

/** Where a held place stands. */
public enum HoldState {
    /** Taken at the match or by a requested referral; the organization has not taken the referral on yet. */
    TENTATIVE,
    /** The organization took the referral on (accepted, in progress or on hold). */
    FIRM,
    /** Given back: the referral ended, or no referral claimed the place in time. Never opens again. */
    RELEASED;

    /** The values as a regular expression, for {@code @Pattern} on API input. */
    public static final String PATTERN = "TENTATIVE|FIRM|RELEASED";

    /** Whether the hold counts against the service's capacity. */
    public boolean open() {
        return this != RELEASED;
    }
}
