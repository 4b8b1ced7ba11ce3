package org.careloop.testing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The operations a service's OpenAPI document declares: method, path, parameters, request body schema and the roles
 * that may call it. Tests generated from it cover every endpoint, so a new endpoint cannot be left out.
 */
public final class OpenApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    private OpenApiOperations() {}

    /**
     * A parameter of an operation.
     *
     * @param name as the client writes it
     * @param in {@code path}, {@code query} or {@code header}
     * @param schema its JSON Schema, references resolved
     */
    public record Parameter(String name, String in, JsonNode schema) {

        /** The schema's {@code format} ({@code uuid}, {@code date}...) or its type. */
        public String kind() {
            String format = schema.path("format").asText("");
            return format.isEmpty() ? schema.path("type").asText("string") : format;
        }
    }

    /**
     * One operation.
     *
     * @param method HTTP method, upper case
     * @param path path template, e.g. {@code /api/v1/referrals/{id}}
     * @param parameters its path and query parameters
     * @param body JSON Schema of its request body, references resolved; null when it takes none
     * @param secured whether a bearer token is required
     * @param roles the roles allowed; empty for any authenticated caller (or for a public operation)
     */
    public record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            JsonNode body,
            boolean secured,
            List<String> roles) {

        public String name() {
            return method + " " + path;
        }

        public boolean writes() {
            return !method.equals("GET");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    /** Reads the OpenAPI document a running service serves at {@code /q/openapi}. */
    public static List<Operation> of(URI base) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return parse(JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document of " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operations of an OpenAPI document, in document order. */
    public static List<Operation> parse(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode resolved = resolve(document, p);
                    parameters.add(new Parameter(
                            resolved.path("name").asText(),
                            resolved.path("in").asText(),
                            resolve(document, resolved.path("schema"))));
                }
                JsonNode body = op.path("requestBody").path("content");
                JsonNode bodySchema = null;
                if (body.isObject() && body.size() > 0) {
                    JsonNode media = body.has("application/json")
                            ? body.get("application/json")
                            : body.elements().next();
                    bodySchema = inline(document, media.path("schema"), 0);
                }
                List<String> roles = new ArrayList<>();
                boolean secured = false;
                for (JsonNode requirement : op.path("security")) {
                    for (JsonNode scopes : requirement) {
                        secured = true;
                        scopes.forEach(r -> roles.add(r.asText()));
                    }
                }
                operations.add(new Operation(
                        method.toUpperCase(java.util.Locale.ROOT),
                        path.getKey(),
                        List.copyOf(parameters),
                        bodySchema,
                        secured,
                        List.copyOf(roles)));
            }
        }
        return operations;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            node = document.at(ref.substring(1));
        }
        return node;
    }

    /** The schema with its references replaced by what they name, a few levels deep (enough to build bodies). */
    private static JsonNode inline(JsonNode document, JsonNode schema, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (!resolved.isObject() || depth > 4) {
            return resolved;
        }
        ObjectNode copy = resolved.deepCopy();
        if (copy.has("allOf") && copy.get("allOf").size() == 1) {
            JsonNode only = inline(document, copy.get("allOf").get(0), depth + 1);
            copy.remove("allOf");
            only.fields().forEachRemaining(e -> copy.putIfAbsent(e.getKey(), e.getValue()));
        }
        if (copy.has("properties")) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            List<String> names = new ArrayList<>();
            properties.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                properties.set(name, inline(document, properties.get(name), depth + 1));
            }
        }
        if (copy.has("items")) {
            copy.set("items", inline(document, copy.get("items"), depth + 1));
        }
        return copy;
    }
}
