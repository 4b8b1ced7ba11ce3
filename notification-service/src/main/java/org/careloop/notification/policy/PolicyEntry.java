package org.careloop.notification.policy;

import java.time.Instant;

/**
 * An acknowledgement policy as it applies to the default or to one organization.
 *
 * @param scope {@code default} when the default policy applies, {@code organization} for an organization's own
 * @param organizationId the organization asked about; null for the default itself
 * @param settings the durations
 * @param updatedAt when it was stored; null for the configured default not yet stored
 * @param updatedBy who stored it ({@code configuration} for the seeded default)
 */
public record PolicyEntry(
        String scope, String organizationId, PolicySettings settings, Instant updatedAt, String updatedBy) {}
