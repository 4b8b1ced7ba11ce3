package org.careloop.notification.policy;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 duration of days and time (e.g. {@code P2D}, {@code PT20S}, {@code P1DT4H}) that keeps its day part
 * apart from its time part: in business time a day counts one working day at the same local time, while the time part
 * counts only time spent on working days. {@link Duration} would fold {@code P1D} into {@code PT24H} and lose that.
 *
 * @param days whole days
 * @param time the time part, shorter or longer than a day
 */
public record ChaseDuration(long days, Duration time) implements Comparable<ChaseDuration> {

    /** Longest duration a policy may use: ten years is far beyond any chase and keeps arithmetic bounded. */
    public static final long MAX_DAYS = 3650;

    /** What a valid value looks like, for error messages. */
    public static final String FORMAT =
            "must be an ISO-8601 duration of days, hours, minutes and seconds, e.g. P2D, PT4H or PT20S";

    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d{1,9})D)?(?:T(?=\\d)(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})(?:\\.(\\d{1,9}))?S)?)?");

    public ChaseDuration {
        if (days < 0 || time == null || time.isNegative()) {
            throw new IllegalArgumentException("A chase duration cannot be negative");
        }
    }

    /**
     * Parses a duration as a client wrote it.
     *
     * @return the duration, or empty when the text is not an ISO-8601 duration of days and time
     */
    public static Optional<ChaseDuration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        Matcher m = ISO.matcher(value);
        if (!m.matches() || value.equals("P") || value.endsWith("T")) {
            return Optional.empty();
        }
        long days = number(m.group(1));
        Duration time = Duration.ofHours(number(m.group(2)))
                .plusMinutes(number(m.group(3)))
                .plusSeconds(number(m.group(4)));
        if (m.group(5) != null) {
            String fraction = (m.group(5) + "000000000").substring(0, 9);
            time = time.plusNanos(Long.parseLong(fraction));
        }
        return Optional.of(new ChaseDuration(days, time));
    }

    /** Whether the text looks like a negative duration ({@code -PT1S}, {@code PT-1S}), for a precise message. */
    public static boolean looksNegative(String text) {
        return text != null && text.contains("-");
    }

    /** The nominal length: days of 24 hours plus the time part. Orders durations and serves calendar time. */
    public Duration nominal() {
        return Duration.ofDays(days).plus(time);
    }

    public boolean isZero() {
        return days == 0 && time.isZero();
    }

    @Override
    public int compareTo(ChaseDuration other) {
        return nominal().compareTo(other.nominal());
    }

    /** The canonical ISO-8601 text: {@code P1D}, {@code PT20S}, {@code P1DT4H}. */
    @Override
    public String toString() {
        if (isZero()) {
            return "PT0S";
        }
        StringBuilder text = new StringBuilder("P");
        if (days > 0) {
            text.append(days).append('D');
        }
        if (!time.isZero()) {
            text.append(time.toString().substring(1)); // Duration prints "PT…": keep the "T…" part
        }
        return text.toString();
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
