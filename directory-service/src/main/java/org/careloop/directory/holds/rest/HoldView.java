package org.careloop.directory.holds.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A place held at a service. Ids and codes only.
 *
 * @param id hold id
 * @param serviceId the service
 * @param needId the need the place is held for
 * @param screeningId the screening the need came from, when known
 * @param category SDOHCC category of the need
 * @param state TENTATIVE, FIRM or RELEASED
 * @param origin MATCH (taken when the need was matched) or REFERRAL (taken by a referral with no hold to claim)
 * @param matchRequestId the match request it answered, when it did
 * @param referralId the referral that claimed it; null while unclaimed
 * @param referralVersion the last referral version applied
 * @param referralStatus the referral status of that version
 * @param createdAt when the place was taken
 * @param updatedAt when the hold last changed
 * @param expiresAt when an unclaimed tentative hold gives its place back
 * @param releasedAt when the place was given back
 * @param releaseReason the referral status that ended the hold, or {@code expired}
 */
public record HoldView(
        UUID id,
        @JsonProperty("service_id") String serviceId,
        @JsonProperty("need_id") UUID needId,
        @JsonProperty("screening_id") UUID screeningId,
        String category,
        String state,
        String origin,
        @JsonProperty("match_request_id") UUID matchRequestId,
        @JsonProperty("referral_id") UUID referralId,
        @JsonProperty("referral_version") Long referralVersion,
        @JsonProperty("referral_status") String referralStatus,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("expires_at") Instant expiresAt,
        @JsonProperty("released_at") Instant releasedAt,
        @JsonProperty("release_reason") String releaseReason) {}
