package org.careloop.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a JSON body, in words a client can act on: the JSON path of the field and the JSON type or
 * format it must have. Never Jackson's own message, which names Java classes and repeats the value sent.
 */
public final class JsonProblems {

    static final String NUL_MESSAGE = "must not contain NUL characters";
    static final String YEAR_MESSAGE = "must be a date between the years " + BoundedTimeDeserializers.MIN_YEAR + " and "
            + BoundedTimeDeserializers.MAX_YEAR;
    static final String DATE_MESSAGE = "must be an ISO-8601 string";

    /** The field a body-level fault is reported against. */
    public static final String BODY = "body";

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,64})");
    private static final int MAX_FIELD = 200;

    private JsonProblems() {}

    /**
     * The field at fault and what is wrong.
     *
     * @param field JSON path such as {@code answers[0].code}, or {@value #BODY} for the document as a whole
     * @param message what it must be
     */
    public record Fault(String field, String message) {}

    /** Explains {@code e}: a syntax error, a wrong type, a bad format, a duplicate key, trailing content. */
    public static Fault explain(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonParseException) {
            Matcher duplicate = DUPLICATE.matcher(original);
            if (duplicate.find()) {
                return new Fault(BODY, "has the key '" + duplicate.group(1) + "' more than once");
            }
            return new Fault(BODY, "is not well-formed JSON" + location(e));
        }
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        if (field.isEmpty()) {
            field = BODY;
        }
        if (original.startsWith("Trailing token")) {
            return new Fault(BODY, "must be a single JSON document with nothing after it");
        }
        if (original.startsWith(NUL_MESSAGE)
                || original.startsWith(YEAR_MESSAGE)
                || original.startsWith(DATE_MESSAGE)) {
            return new Fault(field, firstLine(original));
        }
        if (e instanceof ValueInstantiationException) {
            // A record's own check (IllegalArgumentException with a message meant for clients), else no detail.
            Throwable cause = e.getCause();
            String why = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? firstLine(cause.getMessage())
                    : "is not valid";
            return new Fault(field, why.length() > MAX_FIELD ? "is not valid" : why);
        }
        if (e instanceof InvalidFormatException f) {
            return new Fault(field, "must be " + describe(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m) {
            if (original.contains("No content to map") || original.startsWith("No content")) {
                return new Fault(BODY, "is required");
            }
            if (original.contains("Null value for creator property")
                    || original.contains("Cannot map `null` into type")) {
                return new Fault(field, "must not be null");
            }
            return new Fault(field, "must be " + describe(m.getTargetType()));
        }
        return new Fault(field, "is not valid");
    }

    /** A Java type as a client knows it: a JSON type, or the format of a string. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of another JSON type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean (true or false)";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date string (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time string";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration string";
        }
        if (type.isEnum()) {
            return "one of the documented codes (a string)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type) || type == List.class) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)
                || type.isRecord()
                || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "of another JSON type";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.length() > MAX_FIELD ? path.substring(0, MAX_FIELD) + "..." : path.toString();
    }
}
