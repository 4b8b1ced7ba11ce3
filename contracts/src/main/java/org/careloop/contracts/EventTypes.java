package org.careloop.contracts;

import java.util.List;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.contracts.referral.MatchRequested;
import org.careloop.contracts.referral.PartnerReferralUpdate;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.contracts.screening.ConsentChanged;
import org.careloop.contracts.screening.ScreeningCompleted;

/** CloudEvents {@code type} values; the suffix is the schema version of the event's data. */
public final class EventTypes {
    public static final String SCREENING_COMPLETED = "org.careloop.screening.completed.v1";
    public static final String NEEDS_MATCHED = "org.careloop.directory.needs-matched.v1";
    public static final String REFERRAL_UPDATED = "org.careloop.referral.updated.v1";
    public static final String CAPACITY_CHANGED = "org.careloop.directory.capacity-changed.v1";
    public static final String MATCH_REQUESTED = "org.careloop.referral.match-requested.v1";
    public static final String REFERRAL_CHASED = "org.careloop.notification.referral-chased.v1";
    public static final String CONSENT_CHANGED = "org.careloop.screening.consent-changed.v1";
    /** Referral service → one organization's integrators: a sanitized referral change on its partner topic. */
    public static final String PARTNER_UPDATE = "org.careloop.referral.partner-update.v1";

    /** Every event type. */
    public static final List<String> ALL = List.of(
            SCREENING_COMPLETED,
            NEEDS_MATCHED,
            REFERRAL_UPDATED,
            CAPACITY_CHANGED,
            MATCH_REQUESTED,
            REFERRAL_CHASED,
            CONSENT_CHANGED,
            PARTNER_UPDATE);

    private EventTypes() {}

    /** Classpath location of the JSON Schema for an event type's data. */
    public static String schemaResource(String type) {
        return switch (type) {
            case SCREENING_COMPLETED -> "/schemas/screening-completed.v1.json";
            case NEEDS_MATCHED -> "/schemas/needs-matched.v1.json";
            case REFERRAL_UPDATED -> "/schemas/referral-updated.v1.json";
            case CAPACITY_CHANGED -> "/schemas/capacity-changed.v1.json";
            case MATCH_REQUESTED -> "/schemas/match-requested.v1.json";
            case REFERRAL_CHASED -> "/schemas/referral-chased.v1.json";
            case CONSENT_CHANGED -> "/schemas/consent-changed.v1.json";
            case PARTNER_UPDATE -> "/schemas/partner-update.v1.json";
            default -> throw new IllegalArgumentException("Unknown event type: " + type);
        };
    }

    /** The record producers serialize for an event type's data. */
    public static Class<? extends Record> dataType(String type) {
        return switch (type) {
            case SCREENING_COMPLETED -> ScreeningCompleted.class;
            case NEEDS_MATCHED -> NeedsMatched.class;
            case REFERRAL_UPDATED -> ReferralUpdated.class;
            case CAPACITY_CHANGED -> CapacityChanged.class;
            case MATCH_REQUESTED -> MatchRequested.class;
            case REFERRAL_CHASED -> ReferralChased.class;
            case CONSENT_CHANGED -> ConsentChanged.class;
            case PARTNER_UPDATE -> PartnerReferralUpdate.class;
            default -> throw new IllegalArgumentException("Unknown event type: " + type);
        };
    }

    /**
     * The topic an event type is published on; for {@link #PARTNER_UPDATE}, the name pattern of the per-organization
     * topics ({@link Topics#PARTNER_REFERRALS}), which are created on demand.
     */
    public static String topic(String type) {
        return switch (type) {
            case SCREENING_COMPLETED -> Topics.SCREENING_COMPLETED;
            case NEEDS_MATCHED -> Topics.NEEDS_MATCHED;
            case REFERRAL_UPDATED -> Topics.REFERRAL_UPDATED;
            case CAPACITY_CHANGED -> Topics.CAPACITY_CHANGED;
            case MATCH_REQUESTED -> Topics.MATCH_REQUESTED;
            case REFERRAL_CHASED -> Topics.REFERRAL_CHASED;
            case CONSENT_CHANGED -> Topics.CONSENT_CHANGED;
            case PARTNER_UPDATE -> Topics.PARTNER_REFERRALS;
            default -> throw new IllegalArgumentException("Unknown event type: " + type);
        };
    }
}
