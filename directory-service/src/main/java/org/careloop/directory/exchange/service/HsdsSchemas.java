package org.careloop.directory.exchange.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.careloop.directory.exchange.HsdsKind;
import org.careloop.platform.problem.Problem;

/**
 * The HSDS 3.1 JSON Schemas shipped in {@code hsds/3.1/schema}: validates records with networknt json-schema-validator
 * and tells the type of each field (CSV cells are converted to it). {@code format} is an annotation, except
 * {@code date} and {@code date-time}, which are checked.
 */
@ApplicationScoped
public class HsdsSchemas {

    private static final String BASE = "hsds/3.1/schema/";

    private final Map<HsdsKind, JsonSchema> schemas = new EnumMap<>(HsdsKind.class);
    private final Map<HsdsKind, Map<String, String>> types = new EnumMap<>(HsdsKind.class);
    private final Map<HsdsKind, Map<String, String>> formats = new EnumMap<>(HsdsKind.class);

    public HsdsSchemas() {
        ObjectMapper mapper = new ObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
        for (HsdsKind kind : HsdsKind.values()) {
            schemas.put(kind, factory.getSchema(SchemaLocation.of("classpath:" + BASE + kind.schemaFile()), config));
            Map<String, String> kindTypes = new LinkedHashMap<>();
            Map<String, String> kindFormats = new LinkedHashMap<>();
            JsonNode properties = read(mapper, kind).path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String type = property.getValue().path("type").asText(null);
                kindTypes.put(property.getKey(), type == null ? "object" : type);
                // The schemas say it as format (date-time, datetime) or as datapackage_type (date, datetime).
                String format = property.getValue()
                        .path("format")
                        .asText(property.getValue().path("datapackage_type").asText(""));
                if (format.equals("date")) {
                    kindFormats.put(property.getKey(), "date");
                } else if (format.equals("date-time") || format.equals("datetime")) {
                    kindFormats.put(property.getKey(), "date-time");
                }
            }
            types.put(kind, kindTypes);
            formats.put(kind, kindFormats);
        }
    }

    private static JsonNode read(ObjectMapper mapper, HsdsKind kind) {
        try (InputStream in = HsdsSchemas.class.getClassLoader().getResourceAsStream(BASE + kind.schemaFile())) {
            if (in == null) {
                throw new IllegalStateException("HSDS schema " + kind.schemaFile() + " is missing");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's type of each field of a kind ({@code string}, {@code number}, {@code array}...), in order. */
    public Map<String, String> fieldTypes(HsdsKind kind) {
        return types.get(kind);
    }

    /** The fields of a kind that are scalars (the columns of its CSV table). */
    public List<String> scalarFields(HsdsKind kind) {
        return types.get(kind).entrySet().stream()
                .filter(e -> !e.getValue().equals("array") && !e.getValue().equals("object"))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Validates one object (its own fields) against its kind's schema.
     *
     * @param path where the object is, prefixed to each field, e.g. {@code services[id=s1]}
     */
    public List<Problem.FieldError> validate(HsdsKind kind, ObjectNode record, String path) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : schemas.get(kind).validate(record)) {
            String location = message.getInstanceLocation().toString();
            if ("required".equals(message.getType()) && message.getProperty() != null) {
                location = location + "/" + message.getProperty();
            }
            errors.add(new Problem.FieldError(path + location, strip(message.getMessage())));
        }
        formats.get(kind).forEach((field, format) -> {
            JsonNode value = record.get(field);
            if (value != null && value.isTextual() && !parses(value.asText(), format)) {
                errors.add(new Problem.FieldError(
                        path + "/" + field,
                        format.equals("date") ? "must be a date (YYYY-MM-DD)" : "must be a date-time (RFC 3339)"));
            }
        });
        return errors;
    }

    private static boolean parses(String value, String format) {
        try {
            if (format.equals("date")) {
                LocalDate.parse(value);
            } else {
                OffsetDateTime.parse(value);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The library's message without the location it starts with (the path says it already). */
    private static String strip(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && colon < message.length() - 2 ? message.substring(colon + 2) : message;
    }
}
