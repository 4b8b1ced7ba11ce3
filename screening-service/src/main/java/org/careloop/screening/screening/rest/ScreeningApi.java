package org.careloop.screening.screening.rest;

/** Constants of the screening API shared by its request parameters. */
final class ScreeningApi {

    /** Opaque patient ids: no spaces or personal data, safe in URLs and events. */
    static final String PATIENT_ID_PATTERN = "^[A-Za-z0-9._:-]{1,64}$";

    static final String PATIENT_ID_MESSAGE = "must be 1 to 64 characters of letters, digits, '.', '_', ':' or '-'";

    private ScreeningApi() {}
}
