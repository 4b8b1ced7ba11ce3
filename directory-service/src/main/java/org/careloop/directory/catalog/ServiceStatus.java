package org.careloop.directory.catalog;

import java.util.Arrays;

/** HSDS {@code service.status}; only {@code active} services are offered to patients. */
public enum ServiceStatus {
    ACTIVE("active"),
    INACTIVE("inactive"),
    DEFUNCT("defunct"),
    TEMPORARILY_CLOSED("temporarily closed");

    /** The values as a regular expression, for {@code @Pattern} on API input. */
    public static final String PATTERN = "active|inactive|defunct|temporarily closed";

    private final String code;

    ServiceStatus(String code) {
        this.code = code;
    }

    /** The HSDS spelling, e.g. {@code temporarily closed}. */
    public String code() {
        return code;
    }

    public static ServiceStatus fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown HSDS service status: " + code));
    }
}
