package org.careloop.referral.routing;

/** Coded reasons a need is queued for coordinators or closed; shown in the work queue. */
public final class QueueReasons {

    /** The directory found no service with capacity for the need (first match or a re-match). */
    public static final String NO_CANDIDATES = "no-candidates";
    /** The need was tried {@code careloop.referral.routing.max-attempts} times. */
    public static final String MAX_ATTEMPTS = "max-attempts";
    /** A coordinator cancelled the referral with reason {@code reassigned}: they pick the next service. */
    public static final String REASSIGNED = "reassigned";
    /** A coordinator closed the need from the work queue. */
    public static final String CLOSED_BY_COORDINATOR = "closed-by-coordinator";

    private QueueReasons() {}
}
