package org.careloop.referral.lifecycle.rest;

import java.time.Instant;
import java.util.UUID;
import org.careloop.referral.lifecycle.Referral;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A referral as the API shows it.
 *
 * @param id the referral's id
 * @param version increases by one with every change
 * @param status SDOHCC Task status code
 * @param statusReason why the status was set, may be null
 * @param screeningId the screening the referral came from
 * @param needId the need the referral addresses
 * @param patientId opaque patient reference
 * @param category SDOHCC category code
 * @param requesterOrganizationId the clinic that requested the referral
 * @param ownerOrganizationId the community organization the referral is assigned to
 * @param serviceId HSDS service id
 * @param createdAt when the referral was created
 * @param updatedAt when it last changed
 * @param attempt which attempt at the need this referral is, 1 for the first
 * @param previousReferralId the attempt this one follows (after a rejection, a recall or a reassignment)
 * @param statusReasonCode coded reason for the status, see the contracts' {@code StatusReasonCodes}
 * @param outcome coded outcome of a completed referral: need-resolved, need-partially-resolved, need-not-resolved
 * @param requestedAt when this attempt was requested of its owner
 * @param remindedAt when the owner was reminded to acknowledge it, null if never
 * @param escalatedAt when coordinators were told it is still unacknowledged, null if never
 * @param changedByRole who made the last change: owner, requester, coordinator or system
 * @param doNotContact whether the organization must not contact the person (e.g. a safety case)
 */
public record ReferralView(
        UUID id,
        long version,

        @Schema(
                enumeration = {
                    "draft",
                    "requested",
                    "accepted",
                    "rejected",
                    "cancelled",
                    "in-progress",
                    "on-hold",
                    "failed",
                    "completed",
                    "entered-in-error"
                })
        String status,

        String statusReason,
        UUID screeningId,
        UUID needId,
        String patientId,
        String category,
        String requesterOrganizationId,
        String ownerOrganizationId,
        String serviceId,
        Instant createdAt,
        Instant updatedAt,
        int attempt,
        UUID previousReferralId,
        String statusReasonCode,

        @Schema(enumeration = {"need-resolved", "need-partially-resolved", "need-not-resolved"})
        String outcome,

        Instant requestedAt,
        Instant remindedAt,
        Instant escalatedAt,

        @Schema(enumeration = {"owner", "requester", "coordinator", "system"})
        String changedByRole,

        boolean doNotContact) {

    public static ReferralView of(Referral r) {
        return new ReferralView(
                r.id(),
                r.version(),
                r.status().code(),
                r.statusReason(),
                r.screeningId(),
                r.needId(),
                r.patientId(),
                r.category(),
                r.requesterOrganizationId(),
                r.ownerOrganizationId(),
                r.serviceId(),
                r.createdAt(),
                r.updatedAt(),
                r.attempt(),
                r.previousReferralId(),
                r.statusReasonCode(),
                r.outcome(),
                r.requestedAt(),
                r.remindedAt(),
                r.escalatedAt(),
                r.changedByRole(),
                r.doNotContact());
    }
}
