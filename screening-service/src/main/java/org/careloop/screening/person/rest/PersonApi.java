package org.careloop.screening.person.rest;

/** Parameter rules shared by the endpoints that name a person. */
public final class PersonApi {

    /** A person reference in a path or query. */
    public static final String REF_PATTERN = "p1-[A-Za-z0-9_-]{43}";

    public static final String REF_MESSAGE = "must be a person reference (p1- and 43 characters)";

    /** Why a caller reads a person's data, for the audit log. */
    public static final String PURPOSE_PATTERN = "[^\\p{Cntrl}]{1,100}";

    public static final String PURPOSE_MESSAGE = "must be 1 to 100 characters without control characters";

    private PersonApi() {}
}
