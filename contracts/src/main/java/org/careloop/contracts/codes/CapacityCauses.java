package org.careloop.contracts.codes;

import java.util.List;

/** Why a service's capacity changed, as {@code capacity-changed} reports it. */
public final class CapacityCauses {
    /** A directory import created or changed the service or its reported capacity. */
    public static final String IMPORT = "import";
    /** Staff or a coordinator reported the capacity. */
    public static final String REPORT = "report";
    /** A referral (or a match about to become one) took a place. */
    public static final String HOLD = "hold";
    /** A referral ended and gave its place back. */
    public static final String RELEASE = "release";

    public static final List<String> ALL = List.of(IMPORT, REPORT, HOLD, RELEASE);

    private CapacityCauses() {}
}
