package org.careloop.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.careloop.notification.policy.ChaseDuration;
import org.junit.jupiter.api.Test;

/** Business-time arithmetic, without Quarkus: weekends, holidays, time zones, daylight saving. */
class BusinessCalendarTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final BusinessCalendar weekdays = new BusinessCalendar(NEW_YORK, WEEKDAYS, new TreeSet<>());

    @Test
    void oneBusinessDayAfterFriday4pmIsMonday4pm() {
        Instant friday = at("2026-03-13T16:00", NEW_YORK); // a Friday

        assertThat(weekdays.plus(friday, d("P1D"))).isEqualTo(at("2026-03-16T16:00", NEW_YORK));
    }

    @Test
    void twentyFourBusinessHoursAfterFriday4pmIsMonday4pmToo() {
        Instant friday = at("2026-03-13T16:00", NEW_YORK);

        assertThat(weekdays.plus(friday, d("PT24H"))).isEqualTo(at("2026-03-16T16:00", NEW_YORK));
        // Friday has 8 hours left: 8 hours end at the end of Friday, 9 run into Monday.
        assertThat(weekdays.plus(friday, d("PT8H"))).isEqualTo(at("2026-03-14T00:00", NEW_YORK));
        assertThat(weekdays.plus(friday, d("PT9H"))).isEqualTo(at("2026-03-16T01:00", NEW_YORK));
    }

    @Test
    void withinTheWeekBusinessTimeIsPlainTime() {
        Instant tuesday = at("2026-03-10T09:30", NEW_YORK);

        assertThat(weekdays.plus(tuesday, d("P2D"))).isEqualTo(at("2026-03-12T09:30", NEW_YORK));
        assertThat(weekdays.plus(tuesday, d("PT20S"))).isEqualTo(tuesday.plusSeconds(20));
        assertThat(weekdays.plus(tuesday, d("P1DT4H"))).isEqualTo(at("2026-03-11T13:30", NEW_YORK));
    }

    @Test
    void aRequestOnTheWeekendStartsTheClockOnMondayMorning() {
        Instant saturday = at("2026-03-14T10:00", NEW_YORK);

        assertThat(weekdays.plus(saturday, d("P1D"))).isEqualTo(at("2026-03-17T00:00", NEW_YORK));
        assertThat(weekdays.plus(saturday, d("PT2H"))).isEqualTo(at("2026-03-16T02:00", NEW_YORK));
    }

    @Test
    void holidaysAreSkipped() {
        TreeSet<LocalDate> holidays =
                new TreeSet<>(Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")));
        BusinessCalendar calendar = new BusinessCalendar(NEW_YORK, WEEKDAYS, holidays);
        Instant christmasEve = at("2026-12-24T15:00", NEW_YORK); // Thursday; Friday 25 and Monday 28 are holidays

        assertThat(calendar.plus(christmasEve, d("P1D"))).isEqualTo(at("2026-12-29T15:00", NEW_YORK));
        assertThat(calendar.plus(christmasEve, d("PT10H"))).isEqualTo(at("2026-12-29T01:00", NEW_YORK));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(calendar.nextWorkingDay(LocalDate.parse("2026-12-24"))).isEqualTo(LocalDate.parse("2026-12-29"));
    }

    @Test
    void aRequestOnAHolidayStartsOnTheNextWorkingDay() {
        BusinessCalendar calendar =
                new BusinessCalendar(NEW_YORK, WEEKDAYS, new TreeSet<>(Set.of(LocalDate.parse("2026-07-03"))));
        Instant holiday = at("2026-07-03T11:00", NEW_YORK); // Friday, observed Independence Day

        assertThat(calendar.plus(holiday, d("P1D"))).isEqualTo(at("2026-07-07T00:00", NEW_YORK));
    }

    @Test
    void theOrganizationsTimeZoneDecidesWhatDayItIs() {
        // Friday 23:00 in New York is already Saturday 04:00 in London (UTC+0 in winter).
        Instant fridayNightInNewYork = at("2026-01-09T23:00", NEW_YORK);
        BusinessCalendar london = new BusinessCalendar(ZoneId.of("Europe/London"), WEEKDAYS, new TreeSet<>());

        assertThat(weekdays.plus(fridayNightInNewYork, d("P1D"))).isEqualTo(at("2026-01-12T23:00", NEW_YORK));
        assertThat(london.plus(fridayNightInNewYork, d("P1D")))
                .isEqualTo(at("2026-01-13T00:00", ZoneId.of("Europe/London")));
        BusinessCalendar tokyo = new BusinessCalendar(ZoneId.of("Asia/Tokyo"), WEEKDAYS, new TreeSet<>());
        // Monday 08:00 in Tokyo is Sunday 18:00 in New York: a working day there.
        Instant mondayMorningInTokyo = at("2026-01-12T08:00", ZoneId.of("Asia/Tokyo"));
        assertThat(tokyo.plus(mondayMorningInTokyo, d("PT1H"))).isEqualTo(mondayMorningInTokyo.plusSeconds(3600));
        assertThat(weekdays.plus(mondayMorningInTokyo, d("PT1H"))).isEqualTo(at("2026-01-12T01:00", NEW_YORK));
    }

    @Test
    void aDayKeepsTheLocalTimeAcrossTheSpringForwardChange() {
        // New York springs forward on Sunday 2026-03-08 at 02:00: that Sunday has 23 hours.
        BusinessCalendar everyDay = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), new TreeSet<>());
        Instant saturdayNoon = at("2026-03-07T12:00", NEW_YORK);

        Instant oneDayLater = everyDay.plus(saturdayNoon, d("P1D"));
        assertThat(oneDayLater).isEqualTo(at("2026-03-08T12:00", NEW_YORK));
        assertThat(Duration.between(saturdayNoon, oneDayLater)).isEqualTo(Duration.ofHours(23));
        // The time part counts elapsed time: 24 hours end at 13:00 daylight time.
        assertThat(everyDay.plus(saturdayNoon, d("PT24H"))).isEqualTo(at("2026-03-08T13:00", NEW_YORK));
    }

    @Test
    void aDayKeepsTheLocalTimeAcrossTheFallBackChange() {
        // New York falls back on Sunday 2026-11-01 at 02:00: that Sunday has 25 hours.
        BusinessCalendar everyDay = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), new TreeSet<>());
        Instant saturdayNoon = at("2026-10-31T12:00", NEW_YORK);

        Instant oneDayLater = everyDay.plus(saturdayNoon, d("P1D"));
        assertThat(oneDayLater).isEqualTo(at("2026-11-01T12:00", NEW_YORK));
        assertThat(Duration.between(saturdayNoon, oneDayLater)).isEqualTo(Duration.ofHours(25));
        assertThat(everyDay.plus(saturdayNoon, d("PT24H"))).isEqualTo(at("2026-11-01T11:00", NEW_YORK));
    }

    @Test
    void aWeekdayCalendarOverTheDaylightSavingWeekendKeepsFridaysLocalTime() {
        Instant friday = at("2026-03-06T16:00", NEW_YORK); // standard time; Monday is daylight time

        Instant monday = weekdays.plus(friday, d("P1D"));
        assertThat(monday).isEqualTo(at("2026-03-09T16:00", NEW_YORK));
        assertThat(Duration.between(friday, monday)).isEqualTo(Duration.ofHours(71));
    }

    @Test
    void aLocalTimeInTheSpringForwardGapMovesForwardByTheGap() {
        BusinessCalendar everyDay = new BusinessCalendar(NEW_YORK, EnumSet.allOf(DayOfWeek.class), new TreeSet<>());
        Instant saturday0230 = at("2026-03-07T02:30", NEW_YORK);

        assertThat(everyDay.plus(saturday0230, d("P1D"))).isEqualTo(at("2026-03-08T03:30", NEW_YORK));
        // The next day is back at 02:30: the gap does not carry over.
        assertThat(everyDay.plus(saturday0230, d("P2D"))).isEqualTo(at("2026-03-09T02:30", NEW_YORK));
    }

    @Test
    void severalWeeksOfBusinessDays() {
        Instant monday = at("2026-03-02T09:00", NEW_YORK);

        assertThat(weekdays.plus(monday, d("P10D"))).isEqualTo(at("2026-03-16T09:00", NEW_YORK));
    }

    private static ChaseDuration d(String text) {
        return ChaseDuration.parse(text).orElseThrow();
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
