package org.careloop.referral.lifecycle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ten statuses of an SDOHCC Task for Referral Management (FHIR R4 TaskStatus without {@code ready} and
 * {@code received}); JSON, the database and events use the codes.
 */
public enum ReferralStatus {
    DRAFT("draft"),
    REQUESTED("requested"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    CANCELLED("cancelled"),
    IN_PROGRESS("in-progress"),
    ON_HOLD("on-hold"),
    FAILED("failed"),
    COMPLETED("completed"),
    ENTERED_IN_ERROR("entered-in-error");

    /** Every code, in declaration order, for error messages and API docs. */
    public static final List<String> CODES =
            Arrays.stream(values()).map(ReferralStatus::code).toList();

    /** Regular expression that matches exactly one code; used to validate request fields. */
    public static final String CODE_PATTERN =
            "draft|requested|accepted|rejected|cancelled|in-progress|on-hold|failed|completed|entered-in-error";

    /** The codes as text, for validation messages. */
    public static final String CODE_LIST =
            "draft, requested, accepted, rejected, cancelled, in-progress, on-hold, failed, completed, entered-in-error";

    private final String code;

    ReferralStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The status with this code, if it is one. */
    public static Optional<ReferralStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @JsonCreator
    static ReferralStatus of(String code) {
        return fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown referral status '" + code + "', expected one of " + CODES));
    }

    @Override
    public String toString() {
        return code;
    }
}
