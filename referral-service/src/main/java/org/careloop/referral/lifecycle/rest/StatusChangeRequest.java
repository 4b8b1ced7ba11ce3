package org.careloop.referral.lifecycle.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of a status change.
 *
 * @param status the SDOHCC Task status code to set
 * @param reason statusReason text; required for rejected, cancelled, failed and on-hold
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
        String reason) {}
