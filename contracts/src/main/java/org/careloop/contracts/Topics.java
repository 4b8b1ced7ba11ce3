package org.careloop.contracts;

import java.util.List;

/** Kafka topic names; partitions and retention are declared in deploy/kafka/topics.conf. */
public final class Topics {
    public static final String SCREENING_COMPLETED = "screening-completed";
    public static final String NEEDS_MATCHED = "needs-matched";
    public static final String REFERRAL_UPDATED = "referral-updated";

    public static final String DLQ_DIRECTORY = "dlq.directory-service";
    public static final String DLQ_REFERRAL = "dlq.referral-service";
    public static final String DLQ_NOTIFICATION = "dlq.notification-service";

    public static final List<String> ALL = List.of(
            SCREENING_COMPLETED, NEEDS_MATCHED, REFERRAL_UPDATED, DLQ_DIRECTORY, DLQ_REFERRAL, DLQ_NOTIFICATION);

    private Topics() {}
}
