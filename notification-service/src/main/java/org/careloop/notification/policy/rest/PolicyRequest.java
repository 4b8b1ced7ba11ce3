package org.careloop.notification.policy.rest;

import org.careloop.notification.policy.PolicyRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A policy to store. Durations are ISO-8601 (days, hours, minutes, seconds); fields left out keep the current default
 * policy's value.
 *
 * @param remindAfter remind the owner after this long, e.g. {@code P1D} or {@code PT20S}
 * @param escalateAfter escalate to coordinators after this long (longer than remindAfter)
 * @param recallAfter recall the referral after this long (longer than escalateAfter)
 * @param outcomeUpdateAfter ask for an update when accepted or in progress this long; repeats
 * @param contactWindow contact window from the need's first request (MIPS #498), calendar time
 * @param contactWarningBefore warn this long before the window closes (shorter than contactWindow), calendar time
 * @param businessTime count remind, escalate, recall and outcome-update durations in business time
 */
@Schema(name = "PolicyRequest", description = "An acknowledgement policy; fields left out take the default's values")
public record PolicyRequest(
        @Schema(examples = "P1D") String remindAfter,
        @Schema(examples = "P2D") String escalateAfter,
        @Schema(examples = "P3D") String recallAfter,
        @Schema(examples = "P14D") String outcomeUpdateAfter,
        @Schema(examples = "P60D") String contactWindow,
        @Schema(examples = "P7D") String contactWarningBefore,
        @Schema(examples = "true") Boolean businessTime) {

    PolicyRules.Draft draft() {
        return new PolicyRules.Draft(
                remindAfter,
                escalateAfter,
                recallAfter,
                outcomeUpdateAfter,
                contactWindow,
                contactWarningBefore,
                businessTime);
    }
}
