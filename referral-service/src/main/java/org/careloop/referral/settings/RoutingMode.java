package org.careloop.referral.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a clinic's referrals of one SDOHCC category leave: sent automatically, or proposed for review first. */
public enum RoutingMode {
    /** Sent to the best candidate at once ({@code requested}); the default. */
    AUTO("auto"),
    /** Proposed as a {@code draft} for the clinic's staff to review with the person, then sent or declined. */
    REVIEW("review");

    /** The codes, for validation and API docs. */
    public static final List<String> CODES =
            Arrays.stream(values()).map(RoutingMode::code).toList();

    /** A pattern that matches exactly one code, for annotations. */
    public static final String PATTERN = "auto|review";

    private final String code;

    RoutingMode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RoutingMode> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
