package org.careloop.notification.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A stored business calendar: the default (organization id {@value #DEFAULT_KEY}) or one organization's own. */
@Entity
@Table(name = "business_calendar")
public class StoredCalendar {

    /** Key of the default calendar; organization ids are never blank. */
    public static final String DEFAULT_KEY = "";

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    public String zone;

    /** Comma-separated day names, e.g. {@code MONDAY,TUESDAY}. */
    @Column(name = "working_days")
    public String workingDays;

    /** Comma-separated ISO dates, empty when none. */
    public String holidays;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Who stored it: the caller's user name, or {@code configuration} for the seeded default. */
    @Column(name = "updated_by")
    public String updatedBy;

    public StoredCalendar() {}

    public boolean isDefault() {
        return DEFAULT_KEY.equals(organizationId);
    }

    /** The calendar; stored values were validated before they were written. */
    public BusinessCalendar calendar() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(workingDays.split(","))
                .map(String::strip)
                .map(DayOfWeek::valueOf)
                .forEach(days::add);
        TreeSet<LocalDate> dates = new TreeSet<>();
        if (holidays != null && !holidays.isBlank()) {
            Arrays.stream(holidays.split(","))
                    .map(String::strip)
                    .map(LocalDate::parse)
                    .forEach(dates::add);
        }
        return new BusinessCalendar(ZoneId.of(zone), days, dates);
    }

    /** The stored form of a calendar's working days. */
    public static String workingDaysText(BusinessCalendar calendar) {
        return calendar.workingDays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    /** The stored form of a calendar's holidays. */
    public static String holidaysText(BusinessCalendar calendar) {
        return calendar.holidays().stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}
