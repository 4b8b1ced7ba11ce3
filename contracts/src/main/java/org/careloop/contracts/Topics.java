package org.careloop.contracts;

import java.util.List;

/** Kafka topic names; partitions, retention and clean-up are declared in deploy/kafka/topics.conf. */
public final class Topics {
    public static final String SCREENING_COMPLETED = "screening-completed";
    public static final String NEEDS_MATCHED = "needs-matched";
    public static final String REFERRAL_UPDATED = "referral-updated";
    /** Directory → everyone: a service's availability; compacted, keyed by service id. */
    public static final String CAPACITY_CHANGED = "capacity-changed";
    /** Referral service → directory: a fresh match for a need whose candidates are used up. */
    public static final String MATCH_REQUESTED = "match-requested";
    /** Notification service → referral service and integrators: reminders, escalations, recalls. */
    public static final String REFERRAL_CHASED = "referral-chased";
    /** Screening service → referral service (and itself): a person's consent was recorded, revoked or expired. */
    public static final String CONSENT_CHANGED = "consent-changed";

    public static final String DLQ_SCREENING = "dlq.screening-service";
    public static final String DLQ_DIRECTORY = "dlq.directory-service";
    public static final String DLQ_REFERRAL = "dlq.referral-service";
    public static final String DLQ_NOTIFICATION = "dlq.notification-service";

    public static final List<String> ALL = List.of(
            SCREENING_COMPLETED,
            NEEDS_MATCHED,
            REFERRAL_UPDATED,
            CAPACITY_CHANGED,
            MATCH_REQUESTED,
            REFERRAL_CHASED,
            CONSENT_CHANGED,
            DLQ_SCREENING,
            DLQ_DIRECTORY,
            DLQ_REFERRAL,
            DLQ_NOTIFICATION);

    /** The topics that carry domain events (not dead letters). */
    public static final List<String> EVENTS = List.of(
            SCREENING_COMPLETED,
            NEEDS_MATCHED,
            REFERRAL_UPDATED,
            CAPACITY_CHANGED,
            MATCH_REQUESTED,
            REFERRAL_CHASED,
            CONSENT_CHANGED);

    /** The dead-letter topics, one per consuming service. */
    public static final List<String> DEAD_LETTERS =
            List.of(DLQ_SCREENING, DLQ_DIRECTORY, DLQ_REFERRAL, DLQ_NOTIFICATION);

    private Topics() {}
}
