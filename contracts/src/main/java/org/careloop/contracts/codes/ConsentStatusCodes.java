package org.careloop.contracts.codes;

import java.util.List;

/**
 * States of a consent decision, after FHIR Consent.status as the SDOHCC Consent profile uses it: a decision is
 * {@code active} until it is revoked (FHIR {@code inactive}) or its period ends.
 */
public final class ConsentStatusCodes {

    /** In force: the needs may be shared with the recipients it names. */
    public static final String ACTIVE = "active";
    /** Withdrawn by the person (through the clinic): no further disclosure. */
    public static final String REVOKED = "revoked";
    /** Its period ended. */
    public static final String EXPIRED = "expired";
    /** The person refused: nothing is shared. */
    public static final String REFUSED = "refused";

    public static final List<String> ALL = List.of(ACTIVE, REVOKED, EXPIRED, REFUSED);

    /** Regular expression of a status, for record annotations. */
    public static final String PATTERN = "active|revoked|expired|refused";

    private ConsentStatusCodes() {}

    public static boolean isCode(String value) {
        return value != null && ALL.contains(value);
    }

    /** Whether needs may be shared under a decision in this state. */
    public static boolean permits(String status) {
        return ACTIVE.equals(status);
    }
}
