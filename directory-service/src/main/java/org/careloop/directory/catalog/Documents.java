package org.careloop.directory.catalog;

import java.util.Map;

/** Helpers for HSDS documents (the {@code doc} column of every directory table). */
public final class Documents {

    private Documents() {}

    /** Puts {@code value} under {@code key} unless it is null: HSDS documents omit unset fields. */
    public static void putIfSet(Map<String, Object> document, String key, Object value) {
        if (value != null) {
            document.put(key, value);
        }
    }
}
