package org.careloop.notification.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.careloop.notification.policy.ChaseDuration;

/**
 * An organization's working days in its time zone, and the arithmetic of business time on them. The clock runs only on
 * working days (not on weekends or holidays, whole days in the organization's zone): a duration that starts on a
 * non-working day starts at the beginning of the next working day; its day part then moves on by working days at the
 * same local time ("1 business day" after Friday 16:00 is Monday 16:00), and its time part counts only time on working
 * days. Daylight saving is handled by the zone: a day part keeps the local time across a change, a time part counts
 * elapsed time.
 *
 * @param zone the organization's time zone
 * @param workingDays days of the week the organization works; never empty
 * @param holidays dates (in the zone) it does not work
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, SortedSet<LocalDate> holidays) {

    /** Bounds the search for a working day; a calendar validated by {@link CalendarRules} always finds one sooner. */
    private static final int MAX_DAYS_SCANNED = 20_000;

    public BusinessCalendar {
        if (zone == null || workingDays == null || workingDays.isEmpty()) {
            throw new IllegalArgumentException("A business calendar needs a zone and at least one working day");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        holidays = holidays == null ? new TreeSet<>() : new TreeSet<>(holidays);
    }

    /** Whether the organization works on a date. */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The instant a business duration after {@code start} ends. */
    public Instant plus(Instant start, ChaseDuration duration) {
        ZonedDateTime at = start.atZone(zone);
        if (!isWorkingDay(at.toLocalDate())) {
            at = nextWorkingDay(at.toLocalDate()).atStartOfDay(zone);
        }
        LocalTime timeOfDay = at.toLocalTime();
        LocalDate date = at.toLocalDate();
        for (long i = 0; i < duration.days(); i++) {
            date = nextWorkingDay(date);
        }
        if (duration.days() > 0) {
            // ZonedDateTime.of moves a local time that falls in a daylight-saving gap forward by the gap.
            at = ZonedDateTime.of(date, timeOfDay, zone);
        }
        Duration remaining = duration.time();
        while (remaining.isPositive()) {
            ZonedDateTime endOfDay = at.toLocalDate().plusDays(1).atStartOfDay(zone);
            Duration available = Duration.between(at, endOfDay);
            if (remaining.compareTo(available) <= 0) {
                return at.plus(remaining).toInstant();
            }
            remaining = remaining.minus(available);
            at = nextWorkingDay(at.toLocalDate()).atStartOfDay(zone);
        }
        return at.toInstant();
    }

    /** The first working day after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, next = next.plusDays(1)) {
            if (isWorkingDay(next)) {
                return next;
            }
        }
        throw new IllegalStateException("No working day within " + MAX_DAYS_SCANNED + " days after " + date);
    }
}
