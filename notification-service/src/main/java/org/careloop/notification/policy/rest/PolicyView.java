package org.careloop.notification.policy.rest;

import java.time.Instant;
import org.careloop.notification.policy.PolicyEntry;
import org.careloop.notification.policy.PolicySettings;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An acknowledgement policy as the API shows it.
 *
 * @param scope {@code default} when the default policy applies, {@code organization} for an organization's own
 * @param organizationId the organization it applies to; null for the default policy itself
 * @param remindAfter remind the owner after this long
 * @param escalateAfter escalate to coordinators after this long (the acknowledgement deadline)
 * @param recallAfter recall the referral after this long
 * @param outcomeUpdateAfter ask for an update when accepted or in progress this long
 * @param contactWindow contact window from the need's first request
 * @param contactWarningBefore warn this long before the contact window closes
 * @param businessTime whether remind, escalate, recall and outcome-update durations count in business time
 * @param updatedAt when it was stored, null for the configured default before it is stored
 * @param updatedBy who stored it ({@code configuration} for the seeded default)
 */
@Schema(name = "Policy", description = "When an organization is reminded, escalated, recalled and asked for updates")
public record PolicyView(
        @Schema(enumeration = {"default", "organization"}) String scope,
        String organizationId,
        String remindAfter,
        String escalateAfter,
        String recallAfter,
        String outcomeUpdateAfter,
        String contactWindow,
        String contactWarningBefore,
        boolean businessTime,
        Instant updatedAt,
        String updatedBy) {

    public static PolicyView of(PolicyEntry entry) {
        PolicySettings s = entry.settings();
        return new PolicyView(
                entry.scope(),
                entry.organizationId(),
                s.remindAfter().toString(),
                s.escalateAfter().toString(),
                s.recallAfter().toString(),
                s.outcomeUpdateAfter().toString(),
                s.contactWindow().toString(),
                s.contactWarningBefore().toString(),
                s.businessTime(),
                entry.updatedAt(),
                entry.updatedBy());
    }
}
