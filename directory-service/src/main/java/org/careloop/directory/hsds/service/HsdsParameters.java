package org.careloop.directory.hsds.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.careloop.platform.problem.ProblemException;

/**
 * Reads the query parameters of the HSDS API strictly: a bad value is a 400 that names the parameter, never a guess.
 * Pure Java, unit tested.
 */
public final class HsdsParameters {

    /** Longest search text, id or postal code accepted. */
    public static final int MAX_SEARCH = 200;

    public static final int MAX_ID = 128;
    public static final int MAX_POSTCODE = 16;

    /** Largest proximity in metres (1,000 km): beyond it a "nearby" query is the whole directory. */
    public static final double MAX_PROXIMITY = 1_000_000;

    private HsdsParameters() {}

    /** page from 1 (default 1), per_page 1 to 200 (default 50). */
    public static HsdsPaging paging(Integer page, Integer perPage) {
        int p = page == null ? 1 : page;
        int size = perPage == null ? HsdsPaging.DEFAULT_PER_PAGE : perPage;
        if (p < 1) {
            throw ProblemException.badRequest("page", "must be at least 1");
        }
        if (size < 1 || size > HsdsPaging.MAX_PER_PAGE) {
            throw ProblemException.badRequest("per_page", "must be between 1 and " + HsdsPaging.MAX_PER_PAGE);
        }
        return new HsdsPaging(p, size);
    }

    /** Search words, or null when absent or blank. */
    public static String search(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String words = value.strip();
        if (words.length() > MAX_SEARCH) {
            throw ProblemException.badRequest("search", "must be at most " + MAX_SEARCH + " characters");
        }
        return words;
    }

    /** An id parameter (1 to 128 characters), or null when absent. */
    public static String id(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_ID) {
            throw ProblemException.badRequest(parameter, "must be an id of 1 to " + MAX_ID + " characters");
        }
        return value;
    }

    /**
     * {@code modified_after}: an ISO-8601 date-time with offset ({@code 2026-11-01T10:00:00Z}, {@code
     * 2026-11-01T10:00:00+01:00}), or a date, meaning its start in UTC; null when absent.
     */
    public static Instant modifiedAfter(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            instant = text.length() == 10
                    ? LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                    : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant();
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(
                    "modified_after", "must be an ISO-8601 date-time with offset, e.g. 2026-11-01T10:00:00Z");
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 1 || year > 9999) {
            throw ProblemException.badRequest("modified_after", "must be between the years 1 and 9999");
        }
        return instant;
    }

    /** A postal code as written (trimmed, upper case), or null when absent. */
    public static String postcode(String value) {
        if (value == null) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.length() > MAX_POSTCODE || !code.matches("[A-Z0-9][A-Z0-9 -]*")) {
            throw ProblemException.badRequest(
                    "postcode", "must be a postal code of 1 to " + MAX_POSTCODE + " letters, digits, spaces or -");
        }
        return code;
    }

    /** {@code proximity}: metres, more than 0 and at most 1,000 km; only with a postcode. */
    public static Double proximity(String value, String postcode) {
        if (value == null) {
            return null;
        }
        double metres;
        try {
            metres = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("proximity", "must be a distance in metres");
        }
        if (!(metres > 0) || metres > MAX_PROXIMITY) {
            throw ProblemException.badRequest("proximity", "must be more than 0 and at most 1000000 metres");
        }
        if (postcode == null) {
            throw ProblemException.badRequest("proximity", "needs a postcode to measure from");
        }
        return metres;
    }

    /** {@code format}: json (the default) is the only one served. */
    public static void format(String value) {
        if (value != null && !value.strip().equalsIgnoreCase("json")) {
            throw ProblemException.badRequest("format", "only json is served");
        }
    }

    /** The shape of a service listing; minimal and full exclude each other. */
    public static HsdsShape serviceShape(Boolean minimal, Boolean full) {
        boolean isMinimal = Boolean.TRUE.equals(minimal);
        boolean isFull = Boolean.TRUE.equals(full);
        if (isMinimal && isFull) {
            throw ProblemException.badRequest("minimal", "cannot be combined with full=true");
        }
        return isMinimal ? HsdsShape.MINIMAL : isFull ? HsdsShape.FULL : HsdsShape.BRIEF;
    }

    /** The shape of an organization listing: full_service implies full. */
    public static HsdsShape organizationShape(Boolean full, Boolean fullService) {
        if (Boolean.TRUE.equals(fullService)) {
            return HsdsShape.FULL_SERVICE;
        }
        return Boolean.TRUE.equals(full) ? HsdsShape.FULL : HsdsShape.BRIEF;
    }
}
