package org.careloop.contracts;

import java.util.List;
import java.util.regex.Pattern;

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

    /**
     * Prefix of the topics integrators read, one set per organization. They are not declared in topics.conf: the
     * publishing service's outbox relay creates each one the first time it publishes to it.
     */
    public static final String PARTNER_PREFIX = "partner.";

    /** Suffix of an organization's referral topic. */
    public static final String PARTNER_REFERRALS_SUFFIX = ".referrals";

    /** How the per-organization referral topics are named: a pattern, not a topic. */
    public static final String PARTNER_REFERRALS = PARTNER_PREFIX + "<organization-id>" + PARTNER_REFERRALS_SUFFIX;

    /** The name patterns of the partner topics (created on demand, so absent from {@link #ALL}). */
    public static final List<String> PARTNER = List.of(PARTNER_REFERRALS);

    /** What Kafka accepts in a topic name, and at most how long it may be. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private Topics() {}

    /**
     * The referral topic of one organization, {@code partner.<organization-id>.referrals}.
     *
     * @throws IllegalArgumentException when the organization id cannot be part of a topic name
     */
    public static String partnerReferrals(String organizationId) {
        return partnerReferrals(PARTNER_PREFIX, organizationId);
    }

    /** As {@link #partnerReferrals(String)}, under another prefix (deployments may rename the partner topics). */
    public static String partnerReferrals(String prefix, String organizationId) {
        String topic = prefix + organizationId + PARTNER_REFERRALS_SUFFIX;
        if (organizationId == null || organizationId.isEmpty() || !isLegalName(topic)) {
            throw new IllegalArgumentException("Organization id '" + organizationId + "' cannot name a topic");
        }
        return topic;
    }

    /** Whether Kafka accepts {@code topic} as a topic name. */
    public static boolean isLegalName(String topic) {
        return topic != null && LEGAL_NAME.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }
}
