package org.careloop.directory.hsds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Validates API responses against the HSDS 3.1 JSON Schemas shipped in src/main/resources/hsds/3.1/schema. Formats
 * are annotations (HSDS marks ids "uuid" that CareLoop's v1 ids are not), except dates and date-times, which are
 * checked here.
 */
public final class HsdsSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://schemas.careloop.test/hsds/3.1/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:hsds/3.1/schema/")));
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();

    private HsdsSchemas() {}

    /** Asserts that the JSON is a valid HSDS object of that schema (e.g. {@code service}). */
    public static JsonNode assertValid(String schemaName, String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(BASE + schemaName + ".json"), CONFIG);
        Set<ValidationMessage> errors = schema.validate(node);
        assertThat(errors).as(schemaName + " schema errors").isEmpty();
        checkDates(node);
        return node;
    }

    // The date and date-time fields of HSDS objects, wherever they are nested.
    private static void checkDates(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    if (name.equals("last_modified") || name.equals("updated")) {
                        Instant.parse(value.asText());
                    } else if (name.equals("assured_date") || name.equals("valid_from") || name.equals("valid_to")) {
                        LocalDate.parse(value.asText());
                    }
                }
                checkDates(value);
            });
        } else if (node.isArray()) {
            node.forEach(HsdsSchemas::checkDates);
        }
    }
}
