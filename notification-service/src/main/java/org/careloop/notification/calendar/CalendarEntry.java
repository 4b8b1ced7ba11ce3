package org.careloop.notification.calendar;

import java.time.Instant;

/**
 * A business calendar as it applies to the default or to one organization.
 *
 * @param scope {@code default} when the default calendar applies, {@code organization} for an organization's own
 * @param organizationId the organization asked about; null for the default itself
 * @param calendar the calendar
 * @param updatedAt when it was stored; null for the configured default not yet stored
 * @param updatedBy who stored it ({@code configuration} for the seeded default)
 */
public record CalendarEntry(
        String scope, String organizationId, BusinessCalendar calendar, Instant updatedAt, String updatedBy) {}
