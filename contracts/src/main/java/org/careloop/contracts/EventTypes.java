package org.careloop.contracts;

/** CloudEvents {@code type} values; the suffix is the schema version of the event's data. */
public final class EventTypes {
    public static final String SCREENING_COMPLETED = "org.careloop.screening.completed.v1";
    public static final String NEEDS_MATCHED = "org.careloop.directory.needs-matched.v1";
    public static final String REFERRAL_UPDATED = "org.careloop.referral.updated.v1";

    private EventTypes() {}

    /** Classpath location of the JSON Schema for an event type's data. */
    public static String schemaResource(String type) {
        return switch (type) {
            case SCREENING_COMPLETED -> "/schemas/screening-completed.v1.json";
            case NEEDS_MATCHED -> "/schemas/needs-matched.v1.json";
            case REFERRAL_UPDATED -> "/schemas/referral-updated.v1.json";
            default -> throw new IllegalArgumentException("Unknown event type: " + type);
        };
    }
}
