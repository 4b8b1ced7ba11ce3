package org.careloop.directory.holds;

/** What opened a hold. */
public enum HoldOrigin {
    /** The directory matched a need to the service (screening or match request). */
    MATCH,
    /** A referral to the service arrived with no hold to claim (a re-route, a coordinator's assignment). */
    REFERRAL
}
