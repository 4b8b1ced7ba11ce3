package org.careloop.notification.calendar.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.careloop.notification.calendar.CalendarEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A business calendar as the API shows it.
 *
 * @param scope {@code default} when the default calendar applies, {@code organization} for an organization's own
 * @param organizationId the organization it applies to; null for the default calendar itself
 * @param zone IANA time zone id
 * @param workingDays working days, Monday first
 * @param holidays holidays, earliest first
 * @param updatedAt when it was stored, null for the configured default before it is stored
 * @param updatedBy who stored it ({@code configuration} for the seeded default)
 */
@Schema(name = "Calendar", description = "An organization's working days and holidays in its time zone")
public record CalendarView(
        @Schema(enumeration = {"default", "organization"}) String scope,
        String organizationId,
        String zone,
        List<DayOfWeek> workingDays,
        List<LocalDate> holidays,
        Instant updatedAt,
        String updatedBy) {

    public static CalendarView of(CalendarEntry entry) {
        return new CalendarView(
                entry.scope(),
                entry.organizationId(),
                entry.calendar().zone().getId(),
                entry.calendar().workingDays().stream().sorted().toList(),
                List.copyOf(entry.calendar().holidays()),
                entry.updatedAt(),
                entry.updatedBy());
    }
}
