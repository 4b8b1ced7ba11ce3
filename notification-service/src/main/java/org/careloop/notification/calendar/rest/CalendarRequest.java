package org.careloop.notification.calendar.rest;

import java.util.List;
import org.careloop.notification.calendar.CalendarRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A business calendar to store; fields left out keep the current default calendar's value.
 *
 * @param zone IANA time zone id
 * @param workingDays day names ({@code MONDAY} … {@code SUNDAY}, or {@code MON} … {@code SUN}); at least one
 * @param holidays ISO dates the organization does not work
 */
@Schema(name = "CalendarRequest", description = "A business calendar; fields left out take the default's values")
public record CalendarRequest(
        @Schema(examples = "America/New_York") String zone,

        @Schema(examples = "[\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\"]")
        List<String> workingDays,

        @Schema(examples = "[\"2026-12-25\"]") List<String> holidays) {

    CalendarRules.Draft draft() {
        return new CalendarRules.Draft(zone, workingDays, holidays);
    }
}
