package org.careloop.referral.lifecycle.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.careloop.contracts.codes.OutcomeCodes;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of a status change.
 *
 * @param status the SDOHCC Task status code to set
 * @param reason statusReason text; required for rejected, cancelled, failed and on-hold unless a reason code is given
 * @param reasonCode coded reason (the contracts' {@code StatusReasonCodes}), e.g. no-capacity, not-eligible
 * @param outcome coded outcome, only with completed: need-resolved, need-partially-resolved, need-not-resolved
 */
public record StatusChangeRequest(
        // A string, not the enum, so that an unknown code is a validation error on this field, not a parse error.
        @NotNull
        @Pattern(regexp = ReferralStatus.CODE_PATTERN, message = "must be one of " + ReferralStatus.CODE_LIST)
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
                },
                examples = "accepted")
        String status,

        @Size(max = 500, message = "must be at most 500 characters")
        @Schema(
                description = "Why; required for rejected, cancelled, failed and on-hold",
                examples = "No capacity until next month")
        String reason,

        @Schema(
                description = "Coded reason; satisfies the reason requirement on its own (its display text is used)",
                enumeration = {
                    "no-capacity",
                    "not-eligible",
                    "could-not-contact",
                    "client-declined",
                    "duplicate",
                    "service-not-offered",
                    "waitlisted",
                    "recalled-no-response",
                    "reassigned",
                    "withdrawn-by-requester",
                    "other"
                },
                examples = "no-capacity")
        String reasonCode,

        @Pattern(regexp = OutcomeCodes.PATTERN, message = "must be one of " + OUTCOMES)
        @Schema(
                description = "What came of a completed referral; only with status completed",
                enumeration = {"need-resolved", "need-partially-resolved", "need-not-resolved"},
                examples = "need-resolved")
        String outcome) {

    static final String OUTCOMES = "need-resolved, need-partially-resolved, need-not-resolved";

    /** The body as clients before coded reasons sent it. */
    public StatusChangeRequest(String status, String reason) {
        this(status, reason, null, null);
    }
}
