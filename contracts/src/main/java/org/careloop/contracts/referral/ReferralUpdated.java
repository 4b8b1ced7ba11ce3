package org.careloop.contracts.referral;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.ReferralStatusCodes;

/**
 * Data of {@code referral-updated}: the state of a referral after a change. Sent on creation and on every status
 * change; consumers order by {@code version} per referral. A referral is one attempt at one need: when an attempt ends
 * by rejection or recall, the next attempt is a new referral that links to it.
 *
 * @param referralId the referral's id (the event key)
 * @param version increases by one with every change
 * @param status SDOHCC Task status code, e.g. {@code requested}, {@code accepted}
 * @param previousStatus the status before this change, null on creation
 * @param statusReason free-text reason for the change, may be null
 * @param screeningId the screening the referral came from
 * @param needId the need the referral addresses
 * @param patientId opaque patient reference
 * @param category SDOHCC category code
 * @param requesterOrganizationId the clinic organization that requested the referral
 * @param ownerOrganizationId the community organization the referral is assigned to
 * @param serviceId HSDS service id
 * @param updatedAt when the change happened
 * @param attempt which attempt at the need this referral is, 1 for the first (added; null from older producers)
 * @param previousReferralId the attempt this one follows, null for the first
 * @param statusReasonCode coded reason, see {@code StatusReasonCodes}, may be null
 * @param outcome coded outcome of a completed referral, see {@code OutcomeCodes}, else null
 * @param changedByRole who made the change, see {@code ActorRoles}; {@code coordinator} for a change made on the
 *     owner's behalf, which does not count as the owner's acknowledgement
 * @param requestedAt when this attempt was requested from its owner
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralUpdated(
        @NotNull UUID referralId,
        @Positive long version,

        @NotBlank @Pattern(regexp = STATUS_CODES, message = "must be an SDOHCC referral Task status")
        String status,

        @Pattern(regexp = STATUS_CODES, message = "must be an SDOHCC referral Task status")
        String previousStatus,

        String statusReason,
        @NotNull UUID screeningId,
        @NotNull UUID needId,
        @NotBlank String patientId,
        @NotBlank String category,
        @NotBlank String requesterOrganizationId,
        String ownerOrganizationId,
        String serviceId,
        @NotNull Instant updatedAt,
        @Positive Integer attempt,
        UUID previousReferralId,
        String statusReasonCode,
        String outcome,

        @Pattern(regexp = ROLES, message = "must be one of owner, requester, coordinator, system")
        String changedByRole,

        Instant requestedAt) {

    /** The SDOHCC referral Task statuses, as a pattern so that it can be used in annotations. */
    public static final String STATUS_CODES = ReferralStatusCodes.PATTERN;

    public static final String ROLES =
            ActorRoles.OWNER + "|" + ActorRoles.REQUESTER + "|" + ActorRoles.COORDINATOR + "|" + ActorRoles.SYSTEM;

    /** The event as producers before attempts and coded reasons wrote it. */
    public ReferralUpdated(
            UUID referralId,
            long version,
            String status,
            String previousStatus,
            String statusReason,
            UUID screeningId,
            UUID needId,
            String patientId,
            String category,
            String requesterOrganizationId,
            String ownerOrganizationId,
            String serviceId,
            Instant updatedAt) {
        this(
                referralId,
                version,
                status,
                previousStatus,
                statusReason,
                screeningId,
                needId,
                patientId,
                category,
                requesterOrganizationId,
                ownerOrganizationId,
                serviceId,
                updatedAt,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** The status codes as a list, in lifecycle order. */
    public static List<String> statusCodes() {
        return ReferralStatusCodes.ALL;
    }

    /** The attempt number, 1 when an older producer did not send one. */
    public int attemptOrFirst() {
        return attempt == null ? 1 : attempt;
    }

    /** Whether the change was made by the owner organization itself (not on its behalf). */
    public boolean changedByOwner() {
        return ActorRoles.OWNER.equals(changedByRole);
    }
}
