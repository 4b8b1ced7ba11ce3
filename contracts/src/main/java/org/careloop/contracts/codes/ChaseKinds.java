package org.careloop.contracts.codes;

import java.util.List;

/** What a chase of a referral was, as {@code referral-chased} reports it. */
public final class ChaseKinds {
    /** The owner organization is reminded to acknowledge a requested referral. */
    public static final String REMINDER = "reminder";
    /** Coordinators are told that a requested referral is still unacknowledged. */
    public static final String ESCALATION = "escalation";
    /** The referral was not acknowledged in time and is to be withdrawn and re-routed. */
    public static final String RECALL = "recall";
    /** The owner is asked for an update on a referral that stays accepted or in progress too long. */
    public static final String OUTCOME_UPDATE_REQUESTED = "outcome-update-requested";
    /** The 60-day window for contact with a community service provider (MIPS #498) is about to close. */
    public static final String CONTACT_WINDOW_WARNING = "contact-window-warning";

    public static final List<String> ALL =
            List.of(REMINDER, ESCALATION, RECALL, OUTCOME_UPDATE_REQUESTED, CONTACT_WINDOW_WARNING);

    private ChaseKinds() {}
}
