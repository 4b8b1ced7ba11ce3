package org.careloop.contracts.codes;

import java.util.List;

/**
 * The coded outcome recorded when a referral is {@code completed}: the service was delivered, and the need was
 * resolved, partly resolved or not. What the clinic hears back.
 */
public final class OutcomeCodes {

    /** Code system of these codes, for FHIR {@code Task.output}. */
    public static final String SYSTEM = "https://careloop.org/fhir/CodeSystem/referral-outcome";

    public static final String NEED_RESOLVED = "need-resolved";
    public static final String NEED_PARTIALLY_RESOLVED = "need-partially-resolved";
    public static final String NEED_NOT_RESOLVED = "need-not-resolved";

    public static final List<String> ALL = List.of(NEED_RESOLVED, NEED_PARTIALLY_RESOLVED, NEED_NOT_RESOLVED);

    /** A constant pattern for annotations. */
    public static final String PATTERN = NEED_RESOLVED + "|" + NEED_PARTIALLY_RESOLVED + "|" + NEED_NOT_RESOLVED;

    private OutcomeCodes() {}

    public static boolean isCode(String value) {
        return value != null && ALL.contains(value);
    }
}
