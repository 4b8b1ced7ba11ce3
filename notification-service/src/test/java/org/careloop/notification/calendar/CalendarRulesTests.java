package org.careloop.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.careloop.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;

/** Calendar validation, without Quarkus. */
class CalendarRulesTests {

    private static final BusinessCalendar DEFAULT = new BusinessCalendar(
            ZoneId.of("America/New_York"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), new TreeSet<>());

    @Test
    void aCompleteCalendarIsValid() {
        CalendarRules.Result result = CalendarRules.validate(
                new CalendarRules.Draft(
                        "Europe/Paris", List.of("MON", "tuesday", "Wed", "THURSDAY"), List.of("2026-05-01")),
                null);

        assertThat(result.valid()).isTrue();
        assertThat(result.calendar().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(result.calendar().workingDays())
                .containsExactlyInAnyOrder(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(result.calendar().holidays()).containsExactly(LocalDate.parse("2026-05-01"));
    }

    @Test
    void fieldsLeftOutTakeTheBaseValues() {
        CalendarRules.Result result =
                CalendarRules.validate(new CalendarRules.Draft("America/Chicago", null, null), DEFAULT);

        assertThat(result.calendar().zone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(result.calendar().workingDays()).isEqualTo(DEFAULT.workingDays());
        assertThat(result.calendar().holidays()).isEmpty();
    }

    @Test
    void everyFaultIsReportedNamingItsField() {
        CalendarRules.Result result = CalendarRules.validate(
                new CalendarRules.Draft("Mars/Olympus_Mons", List.of("MONDAY", "Funday"), List.of("2026-02-30", "x")),
                DEFAULT);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("zone", "workingDays[1]", "holidays[0]", "holidays[1]");
    }

    @Test
    void aCalendarNeedsAWorkingDay() {
        CalendarRules.Result result = CalendarRules.validate(new CalendarRules.Draft(null, List.of(), null), DEFAULT);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("workingDays");
    }

    @Test
    void withoutABaseZoneAndWorkingDaysAreRequired() {
        CalendarRules.Result result = CalendarRules.validate(new CalendarRules.Draft(null, null, null), null);

        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("zone", "workingDays");
    }

    @Test
    void dayNamesAreReadInFullOrShortAnyCase() {
        assertThat(CalendarRules.day("sat")).contains(DayOfWeek.SATURDAY);
        assertThat(CalendarRules.day(" Sunday ")).contains(DayOfWeek.SUNDAY);
        assertThat(CalendarRules.day("Sa")).isEmpty();
        assertThat(CalendarRules.day(null)).isEmpty();
    }
}
