package org.careloop.directory.responsiveness;

/**
 * What the directory learned about how a service's organization answers referrals.
 *
 * @param offered referrals requested of the service
 * @param accepted first responses that took the referral on
 * @param rejected first responses that turned it down
 * @param recalled referrals recalled for want of a response
 * @param medianSecondsToAcknowledge median time from request to the organization's first response over the recent
 *     samples, or null without any
 * @param acknowledgementSamples how many samples the median is taken over
 */
public record ResponsivenessStats(
        int offered,
        int accepted,
        int rejected,
        int recalled,
        Double medianSecondsToAcknowledge,
        int acknowledgementSamples) {

    /** A service nothing was learned about yet. */
    public static final ResponsivenessStats NONE = new ResponsivenessStats(0, 0, 0, 0, null, 0);

    /** Referrals the organization answered or let lapse: the trials of the acceptance rate. */
    public int responses() {
        return accepted + rejected + recalled;
    }

    /** Acceptance rate with a neutral prior (Laplace: one acceptance and one refusal imagined), 0.5 for a new service. */
    public double acceptanceRate() {
        return Responsiveness.acceptanceRate(accepted, responses());
    }

    /** The median in hours, or null. */
    public Double medianHoursToAcknowledge() {
        return medianSecondsToAcknowledge == null ? null : medianSecondsToAcknowledge / 3600.0;
    }
}
