package org.careloop.screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text of test data. */
public final class JsonText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonText() {}

    public static String of(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
