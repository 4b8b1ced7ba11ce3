package org.careloop.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/** Strings as Jackson reads them, minus NUL characters, which PostgreSQL text cannot hold. */
final class NoNulStringDeserializer extends StdScalarDeserializer<String> {

    NoNulStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(p, JsonProblems.NUL_MESSAGE, null, String.class);
        }
        return value;
    }
}
