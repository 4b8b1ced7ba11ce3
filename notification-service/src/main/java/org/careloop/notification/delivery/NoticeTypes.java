package org.careloop.notification.delivery;

import java.util.List;
import java.util.Set;

/** What a notice can be about: the event types a webhook subscription or an e-mail opt-in chooses from. */
public final class NoticeTypes {

    /** A referral was sent to the organization (to its owner). */
    public static final String REFERRAL_REQUESTED = "referral.requested";

    /** Any status change of a referral, with the outcome once completed (to the referring clinic; owners may opt in). */
    public static final String REFERRAL_STATUS_CHANGED = "referral.status-changed";

    /** The owner is reminded to acknowledge a referral. */
    public static final String REFERRAL_REMINDER = "referral.reminder";

    /** The referral was recalled from the owner for want of a response (it is re-routed). */
    public static final String REFERRAL_RECALLED = "referral.recalled";

    /** The owner is asked for an update on a referral taken on long ago. */
    public static final String REFERRAL_OUTCOME_UPDATE_REQUESTED = "referral.outcome-update-requested";

    /** The need's 60-day contact window is about to close (to the owner of its current referral). */
    public static final String REFERRAL_CONTACT_WINDOW_WARNING = "referral.contact-window-warning";

    /** All types, in the order documented. */
    public static final List<String> ALL = List.of(
            REFERRAL_REQUESTED,
            REFERRAL_STATUS_CHANGED,
            REFERRAL_REMINDER,
            REFERRAL_RECALLED,
            REFERRAL_OUTCOME_UPDATE_REQUESTED,
            REFERRAL_CONTACT_WINDOW_WARNING);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private NoticeTypes() {}

    public static boolean isType(String type) {
        return type != null && KNOWN.contains(type);
    }
}
