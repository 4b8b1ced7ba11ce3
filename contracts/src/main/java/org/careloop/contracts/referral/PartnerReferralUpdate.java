package org.careloop.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.ReferralStatusCodes;

/**
 * Data of {@code partner-update}: a sanitized copy of one referral change for the integrators of one organization, on
 * that organization's own topic ({@code partner.<organization-id>.referrals}, see {@code Topics.partnerReferrals}).
 * The referral service publishes one copy to the requesting clinic's topic and, once the referral was sent, one to the
 * owner organization's topic. Ids, codes, statuses and times only: never free text. Keyed by referral id; consumers
 * order by {@code version}.
 *
 * @param referralId the referral's id (the event key)
 * @param version increases by one with every change of the referral
 * @param audience whose topic this copy is on: {@code requester} (the clinic) or {@code owner} (the organization)
 * @param status SDOHCC Task status code
 * @param previousStatus the status before this change, null on creation
 * @param statusReasonCode coded reason, see {@code StatusReasonCodes}, may be null
 * @param outcome coded outcome of a completed referral, see {@code OutcomeCodes}, else null
 * @param screeningId the screening the referral came from
 * @param needId the need the referral addresses
 * @param personRef the person's pseudonymous reference, as {@code patientId} carries it on the internal events
 * @param category SDOHCC category code
 * @param requesterOrganizationId the clinic that requested the referral
 * @param ownerOrganizationId the community organization the referral is sent to; null while it is a draft (not sent)
 * @param serviceId HSDS service id; null while it is a draft
 * @param attempt which attempt at the need this referral is, 1 for the first
 * @param previousReferralId the attempt this one follows, null for the first
 * @param changedByRole who made the change, see {@code ActorRoles}
 * @param doNotContact whether the organization must not contact the person (e.g. a safety case)
 * @param requestedAt when this attempt was sent to its owner, null while it is a draft
 * @param updatedAt when the change happened
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerReferralUpdate(
        @NotNull UUID referralId,
        @Positive long version,

        @NotBlank @Pattern(regexp = AUDIENCES, message = "must be requester or owner")
        String audience,

        @NotBlank @Pattern(regexp = ReferralStatusCodes.PATTERN, message = "must be an SDOHCC referral Task status")
        String status,

        @Pattern(regexp = ReferralStatusCodes.PATTERN, message = "must be an SDOHCC referral Task status")
        String previousStatus,

        String statusReasonCode,
        String outcome,
        @NotNull UUID screeningId,
        @NotNull UUID needId,
        @NotBlank String personRef,
        @NotBlank String category,
        @NotBlank String requesterOrganizationId,
        String ownerOrganizationId,
        String serviceId,
        @Positive int attempt,
        UUID previousReferralId,

        @Pattern(regexp = ReferralUpdated.ROLES, message = "must be one of owner, requester, coordinator, system")
        String changedByRole,

        Boolean doNotContact,
        Instant requestedAt,
        @NotNull Instant updatedAt) {

    /** The copy on the requesting clinic's topic. */
    public static final String REQUESTER = ActorRoles.REQUESTER;

    /** The copy on the owner organization's topic. */
    public static final String OWNER = ActorRoles.OWNER;

    /** The audiences, as a pattern for annotations. */
    public static final String AUDIENCES = ActorRoles.REQUESTER + "|" + ActorRoles.OWNER;
}
