package org.careloop.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.careloop.contracts.EventTypes;

/** Checks event data against the JSON Schema the contracts module publishes for its type. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** What is wrong with {@code data} as the data of an event of {@code type}; empty when it is valid. */
    public static Set<ValidationMessage> errors(String type, JsonNode data) {
        return schema(type).validate(data);
    }

    /** Throws an {@link AssertionError} naming every fault unless {@code data} is valid for {@code type}. */
    public static void assertValid(String type, JsonNode data) {
        Set<ValidationMessage> errors = errors(type, data);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " data does not match its schema: " + errors + "\n" + data);
        }
    }

    /** Parses {@code value}, asserts it is valid data for {@code type}, and returns it. */
    public static JsonNode valid(String type, String value) {
        JsonNode data;
        try {
            data = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new AssertionError(type + " data is not JSON: " + value, e);
        }
        assertValid(type, data);
        return data;
    }

    /** Throws an {@link AssertionError} naming every fault unless {@code data} is valid for the schema at a resource. */
    public static void assertValidAgainst(String resource, JsonNode data) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(resource, r -> {
            try (InputStream in = EventTypes.class.getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalArgumentException("No schema at " + r);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Set<ValidationMessage> errors = schema.validate(data);
        if (!errors.isEmpty()) {
            throw new AssertionError(resource + " does not match: " + errors + "\n" + data);
        }
    }

    private static JsonSchema schema(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(t))) {
                if (in == null) {
                    throw new IllegalArgumentException("No schema for event type " + t);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
