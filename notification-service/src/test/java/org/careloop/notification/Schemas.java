package org.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import org.careloop.contracts.EventTypes;

/** Validates event data against the contract's published JSON Schema. */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {}

    /** Parses the data, asserts it is valid for the event type, and returns it. */
    public static JsonNode valid(String type, String value) {
        try (InputStream schema = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            JsonNode data = JSON.readTree(value);
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                            .getSchema(schema)
                            .validate(data))
                    .as("%s %s", type, data)
                    .isEmpty();
            return data;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
