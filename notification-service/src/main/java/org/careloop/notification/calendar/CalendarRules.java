package org.careloop.notification.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.careloop.platform.problem.Problem.FieldError;

/**
 * Validates a business calendar as a client or the configuration wrote it: a known time zone, at least one working
 * day (full or three-letter English day names, any case), ISO dates as holidays. Fields left out take their value
 * from a base calendar (the default). All faults are reported at once, each naming its field.
 */
public final class CalendarRules {

    public static final String ZONE = "zone";
    public static final String WORKING_DAYS = "workingDays";
    public static final String HOLIDAYS = "holidays";

    /** More holidays than this is a mistake, not a calendar. */
    public static final int MAX_HOLIDAYS = 1000;

    /**
     * A calendar as text.
     *
     * @param zone IANA time zone id, e.g. {@code America/New_York}; null to keep the base value
     * @param workingDays day names, e.g. {@code MONDAY} or {@code Mon}; null to keep the base value
     * @param holidays ISO dates, e.g. {@code 2026-12-25}; null to keep the base value
     */
    public record Draft(String zone, List<String> workingDays, List<String> holidays) {}

    /** The outcome of validation: the calendar when valid, else the faults. */
    public record Result(BusinessCalendar calendar, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private CalendarRules() {}

    /**
     * Validates a draft.
     *
     * @param draft what the client sent
     * @param base values for the fields the draft leaves out; null when every field but holidays is required
     */
    public static Result validate(Draft draft, BusinessCalendar base) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = zone(draft.zone(), base, errors);
        Set<DayOfWeek> days = workingDays(draft.workingDays(), base, errors);
        TreeSet<LocalDate> holidays = holidays(draft.holidays(), base, errors);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new BusinessCalendar(zone, days, holidays), List.of());
    }

    /** A day name, full or abbreviated, in any case. */
    public static Optional<DayOfWeek> day(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private static ZoneId zone(String text, BusinessCalendar base, List<FieldError> errors) {
        if (text == null) {
            if (base == null) {
                errors.add(new FieldError(ZONE, "is required"));
                return null;
            }
            return base.zone();
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            errors.add(
                    new FieldError(ZONE, "unknown time zone '" + text + "'; use an IANA id such as America/New_York"));
            return null;
        }
    }

    private static Set<DayOfWeek> workingDays(List<String> names, BusinessCalendar base, List<FieldError> errors) {
        if (names == null) {
            if (base == null) {
                errors.add(new FieldError(WORKING_DAYS, "is required"));
                return null;
            }
            return base.workingDays();
        }
        if (names.isEmpty()) {
            errors.add(new FieldError(WORKING_DAYS, "must name at least one working day"));
            return null;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        boolean valid = true;
        for (int i = 0; i < names.size(); i++) {
            Optional<DayOfWeek> day = day(names.get(i));
            if (day.isEmpty()) {
                errors.add(new FieldError(
                        WORKING_DAYS + "[" + i + "]",
                        "unknown day '" + names.get(i) + "'; use MONDAY … SUNDAY or MON … SUN"));
                valid = false;
            } else {
                days.add(day.get());
            }
        }
        return valid ? days : null;
    }

    private static TreeSet<LocalDate> holidays(List<String> dates, BusinessCalendar base, List<FieldError> errors) {
        if (dates == null) {
            return base == null ? new TreeSet<>() : new TreeSet<>(base.holidays());
        }
        if (dates.size() > MAX_HOLIDAYS) {
            errors.add(new FieldError(HOLIDAYS, "at most " + MAX_HOLIDAYS + " holidays"));
            return null;
        }
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (int i = 0; i < dates.size(); i++) {
            String text = dates.get(i);
            try {
                holidays.add(LocalDate.parse(text == null ? "" : text.strip()));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(
                        HOLIDAYS + "[" + i + "]", "must be an ISO date such as 2026-12-25, was '" + text + "'"));
            }
        }
        return holidays;
    }
}
