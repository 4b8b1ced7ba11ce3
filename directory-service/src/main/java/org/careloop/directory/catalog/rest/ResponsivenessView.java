package org.careloop.directory.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the service's organization answers referrals, as learned from them.
 *
 * @param offered referrals requested of the service
 * @param accepted first responses of the organization that took the referral on
 * @param rejected first responses of the organization that turned it down
 * @param recalled referrals recalled because nobody answered in time
 * @param acceptanceRate {@code (accepted + 1) / (accepted + rejected + recalled + 2)}: 0.5 for a new service
 * @param medianHoursToAcknowledge median time from request to the organization's first response over the recent
 *     samples, or null without any
 * @param acknowledgementSamples how many samples the median is taken over
 */
public record ResponsivenessView(
        int offered,
        int accepted,
        int rejected,
        int recalled,
        @JsonProperty("acceptance_rate") double acceptanceRate,
        @JsonProperty("median_hours_to_acknowledge") Double medianHoursToAcknowledge,
        @JsonProperty("acknowledgement_samples") int acknowledgementSamples) {}
