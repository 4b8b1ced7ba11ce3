package org.careloop.referral.lifecycle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.careloop.contracts.codes.ReferralStatusCodes;

/**
 * The ten statuses of an SDOHCC Task for Referral Management (FHIR R4 TaskStatus without {@code ready} and
 * {@code received}); JSON, the database and events use the codes, which are written once, in the contracts'
 * {@link ReferralStatusCodes}.
 */
public enum ReferralStatus {
    DRAFT(ReferralStatusCodes.DRAFT),
    REQUESTED(ReferralStatusCodes.REQUESTED),
    ACCEPTED(ReferralStatusCodes.ACCEPTED),
    REJECTED(ReferralStatusCodes.REJECTED),
    CANCELLED(ReferralStatusCodes.CANCELLED),
    IN_PROGRESS(ReferralStatusCodes.IN_PROGRESS),
    ON_HOLD(ReferralStatusCodes.ON_HOLD),
    FAILED(ReferralStatusCodes.FAILED),
    COMPLETED(ReferralStatusCodes.COMPLETED),
    ENTERED_IN_ERROR(ReferralStatusCodes.ENTERED_IN_ERROR);

    /** Every code, in declaration order, for error messages and API docs. */
    public static final List<String> CODES =
            Arrays.stream(values()).map(ReferralStatus::code).toList();

    /** Regular expression that matches exactly one code; used to validate request fields. */
    public static final String CODE_PATTERN = ReferralStatusCodes.PATTERN;

    /** The codes as text, for validation messages. */
    public static final String CODE_LIST = ReferralStatusCodes.LIST;

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
