package org.careloop.contracts.codes;

import java.util.List;
import java.util.Set;

/**
 * The ten statuses of an SDOHCC Task for Referral Management (FHIR R4 TaskStatus without {@code ready} and
 * {@code received}), written once: the API, the database, the events and their JSON Schema use these codes, and
 * {@code ContractCodesTests} ties the schema to them.
 */
public final class ReferralStatusCodes {
    public static final String DRAFT = "draft";
    public static final String REQUESTED = "requested";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String CANCELLED = "cancelled";
    public static final String IN_PROGRESS = "in-progress";
    public static final String ON_HOLD = "on-hold";
    public static final String FAILED = "failed";
    public static final String COMPLETED = "completed";
    public static final String ENTERED_IN_ERROR = "entered-in-error";

    /** Every code in lifecycle order. */
    public static final List<String> ALL = List.of(
            DRAFT, REQUESTED, ACCEPTED, REJECTED, CANCELLED, IN_PROGRESS, ON_HOLD, FAILED, COMPLETED, ENTERED_IN_ERROR);

    /** A regular expression that matches exactly one code; a constant, so that annotations can use it. */
    public static final String PATTERN = DRAFT + "|" + REQUESTED + "|" + ACCEPTED + "|" + REJECTED + "|" + CANCELLED
            + "|" + IN_PROGRESS + "|" + ON_HOLD + "|" + FAILED + "|" + COMPLETED + "|" + ENTERED_IN_ERROR;

    /** The codes as text, for validation messages. */
    public static final String LIST = DRAFT + ", " + REQUESTED + ", " + ACCEPTED + ", " + REJECTED + ", " + CANCELLED
            + ", " + IN_PROGRESS + ", " + ON_HOLD + ", " + FAILED + ", " + COMPLETED + ", " + ENTERED_IN_ERROR;

    /** Statuses a referral never leaves. */
    public static final Set<String> TERMINAL = Set.of(REJECTED, CANCELLED, FAILED, COMPLETED, ENTERED_IN_ERROR);

    /** Statuses in which the receiving organization has taken the referral on (a place is held firmly). */
    public static final Set<String> TAKEN_ON = Set.of(ACCEPTED, IN_PROGRESS, ON_HOLD);

    /**
     * Statuses only the referral target sets (SDOHCC): reaching one of them from {@code requested} means the owner
     * responded, even when it skipped {@code accepted}.
     */
    public static final Set<String> OWNER_RESPONSES =
            Set.of(ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, FAILED, COMPLETED);

    private ReferralStatusCodes() {}

    public static boolean isCode(String value) {
        return value != null && ALL.contains(value);
    }
}
