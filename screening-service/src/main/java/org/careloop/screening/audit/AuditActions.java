package org.careloop.screening.audit;

/** What an audit row records. */
public final class AuditActions {

    /** An organization read the contact details of a person referred to it. */
    public static final String READ_CONTACT = "read-contact";
    /** The clinic read its own patient's details. */
    public static final String READ_PERSON = "read-person";
    /** The clinic changed its patient's details or do-not-contact flag. */
    public static final String UPDATE_PERSON = "update-person";
    /** A consent decision was recorded (with a screening or on its own). */
    public static final String RECORD_CONSENT = "record-consent";

    public static final String REVOKE_CONSENT = "revoke-consent";
    public static final String EXPIRE_CONSENT = "expire-consent";
    /** The list of a person's consent decisions was read. */
    public static final String READ_CONSENTS = "read-consents";

    private AuditActions() {}
}
