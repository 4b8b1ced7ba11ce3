package org.careloop.contracts.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code referral-updated}: the state of a referral after a change. Sent on creation and on every status
 * change; consumers order by {@code version} per referral.
 *
 * @param referralId the referral's id (the event key)
 * @param version increases by one with every change
 * @param status SDOHCC Task status code, e.g. {@code requested}, {@code accepted}
 * @param previousStatus the status before this change, null on creation
 * @param statusReason coded or free-text reason for the change, may be null
 * @param screeningId the screening the referral came from
 * @param needId the need the referral addresses
 * @param patientId opaque patient reference
 * @param category SDOHCC category code
 * @param requesterOrganizationId the clinic organization that requested the referral
 * @param ownerOrganizationId the community organization the referral is assigned to
 * @param serviceId HSDS service id
 * @param updatedAt when the change happened
 */
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
        @NotNull Instant updatedAt) {

    /**
     * The SDOHCC referral Task statuses (FHIR TaskStatus without {@code ready} and {@code received}), as a pattern so
     * that it can be used in annotations.
     */
    public static final String STATUS_CODES =
            "draft|requested|accepted|rejected|cancelled|in-progress|on-hold|failed|completed|entered-in-error";

    /** The status codes as a list, in lifecycle order. */
    public static List<String> statusCodes() {
        return List.of(STATUS_CODES.split("\\|"));
    }
}
