package org.careloop.referral.settings;

/**
 * Whether a need's referrals are sent automatically or proposed as drafts for review; pure Java. The clinic's setting
 * for the need's category decides, except that an interpersonal-safety need is never sent without review, whatever
 * the setting: a person at risk chooses, with the clinic, who is told.
 */
public final class ReviewDecision {

    private ReviewDecision() {}

    /**
     * @param mode the clinic's setting for the need's category
     * @param sensitive whether the need is an interpersonal-safety need
     * @return true when the need's attempts are proposed as drafts
     */
    public static boolean review(RoutingMode mode, boolean sensitive) {
        return sensitive || mode == RoutingMode.REVIEW;
    }
}
