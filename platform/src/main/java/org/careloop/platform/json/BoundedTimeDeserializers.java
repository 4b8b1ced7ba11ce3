package org.careloop.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates and times as the JSR-310 module reads them, limited to the years 1 to 9999: Java accepts years PostgreSQL
 * cannot store ({@code +9999999-01-01}), and none of them is a date a person or a directory means.
 */
final class BoundedTimeDeserializers {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private BoundedTimeDeserializers() {}

    /** Whether {@code year} is one CareLoop accepts. */
    static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Wraps whatever deserializer Jackson found for a date or time type in the year check. */
    static final class Modifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == LocalDate.class || type == Instant.class || type == OffsetDateTime.class) {
                return new Bounded(type, deserializer);
            }
            return deserializer;
        }
    }

    static int year(Object value) {
        if (value instanceof LocalDate date) {
            return date.getYear();
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).getYear();
        }
        return ((OffsetDateTime) value).getYear();
    }

    /** The year check around a date or time deserializer; contextual like the one it wraps (JsonFormat). */
    static final class Bounded extends StdDeserializer<Object> implements ContextualDeserializer {
        private final transient JsonDeserializer<?> delegate;

        Bounded(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            if (delegate instanceof ContextualDeserializer contextual) {
                return new Bounded(handledType(), contextual.createContextual(ctxt, property));
            }
            return this;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != null && token.isScalarValue() && token != JsonToken.VALUE_STRING) {
                // An epoch number or a boolean where an ISO-8601 string is expected.
                throw MismatchedInputException.from(p, handledType(), JsonProblems.DATE_MESSAGE);
            }
            Object value = delegate.deserialize(p, ctxt);
            if (value != null && !inRange(year(value))) {
                throw InvalidFormatException.from(p, JsonProblems.YEAR_MESSAGE, null, handledType());
            }
            return value;
        }
    }
}
