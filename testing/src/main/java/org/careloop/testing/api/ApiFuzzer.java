package org.careloop.testing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.testing.api.OpenApiOperations.Operation;
import org.careloop.testing.api.OpenApiOperations.Parameter;

/**
 * Sends every operation of a service a corpus of malformed requests generated from its OpenAPI document: bad path
 * and query parameters (malformed ids, NUL characters, numbers out of range, huge values), bodies that are not JSON,
 * not one JSON document, with duplicate keys, and bodies with one property of the wrong JSON type or an impossible
 * value, each nested property in turn. Every request is invalid, so each must get a 4xx problem+json that names a
 * field when it is a 400, repeats no Java internals and writes nothing; a 5xx is always a finding.
 */
public final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> LEAKS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "com.fasterxml",
            "org.hibernate",
            "io.vertx",
            "io.quarkus",
            "Exception",
            "\tat ");
    private static final int MAX_ERROR_BODY = 4096;

    /**
     * What a request got that it should not have.
     *
     * @param request method, path and what was wrong with it
     * @param status the response status
     * @param finding what is wrong with the response
     */
    public record Finding(String request, int status, String finding) {
        @Override
        public String toString() {
            return request + " -> " + status + ": " + finding;
        }
    }

    /**
     * The outcome of a run.
     *
     * @param requests how many requests were sent
     * @param statuses how many got each status
     * @param findings what went wrong
     */
    public record Report(int requests, Map<Integer, Integer> statuses, List<Finding> findings) {
        @Override
        public String toString() {
            return requests + " malformed requests, statuses " + statuses + ", " + findings.size() + " findings";
        }
    }

    private final URI base;
    private final Function<Operation, String> tokens;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /**
     * @param base where the service listens
     * @param tokens the bearer token to call an operation with (one of its roles), null for none
     */
    public ApiFuzzer(URI base, Function<Operation, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /** Sends the whole corpus to every operation. */
    public Report run(List<Operation> operations) {
        List<Finding> findings = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        for (Operation op : operations) {
            for (Request request : corpus(op)) {
                Response response = send(op, request);
                sent++;
                statuses.merge(response.status, 1, Integer::sum);
                check(op, request, response, findings);
            }
        }
        return new Report(sent, statuses, findings);
    }

    /** One malformed request. */
    record Request(String what, String path, String query, String contentType, String body) {}

    record Response(int status, String contentType, String body) {}

    List<Request> corpus(Operation op) {
        List<Request> requests = new ArrayList<>();
        Map<String, String> good = new LinkedHashMap<>();
        for (Parameter p : op.in("path")) {
            good.put(p.name(), sample(p));
        }
        // A body that is never valid, so that parameter faults cannot be mistaken for a write.
        String badBody = op.body() == null ? null : "[]";
        String contentType = op.body() == null ? null : "application/json";
        for (Parameter p : op.in("path")) {
            for (String bad : badPathValues(p)) {
                Map<String, String> values = new LinkedHashMap<>(good);
                values.put(p.name(), bad);
                requests.add(new Request(
                        "path " + p.name() + "=" + abbreviate(bad), path(op, values), "", contentType, badBody));
            }
        }
        for (Parameter p : op.in("query")) {
            for (String bad : badQueryValues(p)) {
                requests.add(new Request(
                        "query " + p.name() + "=" + abbreviate(bad),
                        path(op, good),
                        p.name() + "=" + bad,
                        contentType,
                        badBody));
            }
        }
        if (op.in("query").stream().anyMatch(p -> p.name().equals("page"))
                && op.in("query").stream().anyMatch(p -> p.name().equals("size"))) {
            requests.add(new Request(
                    "page x size beyond 2^31", path(op, good), "page=2147483647&size=200", contentType, badBody));
        }
        if (op.body() != null) {
            String at = path(op, good);
            for (String raw : List.of(
                    "",
                    "null",
                    "[]",
                    "1",
                    "\"text\"",
                    "true",
                    "{",
                    "{\"a\":1} {\"b\":2}",
                    "{\"a\":1} x",
                    "{\"a\":\"\\u0000\"",
                    "[".repeat(5000) + "]".repeat(5000))) {
                requests.add(new Request("body " + abbreviate(raw), at, "", "application/json", raw));
            }
            requests.add(new Request("no content type", at, "", null, "{}"));
            requests.add(new Request("text/plain body", at, "", "text/plain", "{}"));
            requests.add(new Request("xml body", at, "", "application/xml", "<a/>"));
            String first = firstProperty(op.body());
            if (first != null) {
                requests.add(new Request(
                        "duplicate key " + first,
                        at,
                        "",
                        "application/json",
                        "{\"" + first + "\":"
                                + wrongValues(op.body().path("properties").path(first))
                                        .get(0) + ",\"" + first + "\":null}"));
            }
            for (Map.Entry<String, String> mutation : bodyMutations(op.body()).entrySet()) {
                requests.add(new Request("body " + mutation.getKey(), at, "", "application/json", mutation.getValue()));
            }
        }
        return requests;
    }

    private static String sample(Parameter p) {
        return switch (p.kind()) {
            case "uuid" -> UUID.randomUUID().toString();
            case "integer", "int32", "int64" -> "987654321";
            default -> "fuzz-unknown-" + UUID.randomUUID().toString().substring(0, 8);
        };
    }

    private static List<String> badPathValues(Parameter p) {
        List<String> values = new ArrayList<>(List.of("%00", "a%00b", "%FF%FE", "x".repeat(3000), "%25", "%20"));
        switch (p.kind()) {
            case "uuid" -> values.addAll(List.of("not-a-uuid", "123", UUID.randomUUID() + "x", "-1"));
            case "integer", "int32", "int64" ->
                values.addAll(List.of("abc", "-1", "99999999999999999999", "1.5", "1e9"));
            default -> values.addAll(List.of("-1", "99999999999999999999", "NULL"));
        }
        return values;
    }

    private static List<String> badQueryValues(Parameter p) {
        List<String> values = new ArrayList<>(List.of("%00", "a%00b", "%FF", "x".repeat(3000)));
        switch (p.kind()) {
            case "uuid" -> values.addAll(List.of("not-a-uuid", "5"));
            case "integer", "int32", "int64", "number" ->
                values.addAll(List.of("abc", "-1", "99999999999999999999", "2147483648", "1.5", "true", ""));
            case "boolean" -> values.addAll(List.of("maybe", "1", "-1", "yes"));
            case "date", "date-time" ->
                values.addAll(List.of("+9999999-01-01", "2026-13-45", "yesterday", "12345", "+99999-01-01T00:00:00Z"));
            default -> values.addAll(List.of("-1", "99999999999999999999"));
        }
        return values;
    }

    /** For each property (nested ones too), bodies where it alone has a value of the wrong type or impossible. */
    static Map<String, String> bodyMutations(JsonNode schema) {
        Map<String, String> bodies = new LinkedHashMap<>();
        mutate(schema, "", bodies, 0, node -> node);
        return bodies;
    }

    private static void mutate(
            JsonNode schema, String path, Map<String, String> bodies, int depth, Function<JsonNode, JsonNode> wrap) {
        if (depth > 3) {
            return;
        }
        JsonNode properties = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            JsonNode propertySchema = property.getValue();
            for (String wrong : wrongValues(propertySchema)) {
                ObjectNode object = NODES.objectNode();
                object.set(name, read(wrong));
                bodies.put(at + "=" + abbreviate(wrong), wrap.apply(object).toString());
            }
            if (propertySchema.has("properties")) {
                mutate(propertySchema, at, bodies, depth + 1, inner -> {
                    ObjectNode object = NODES.objectNode();
                    object.set(name, inner);
                    return wrap.apply(object);
                });
            }
            JsonNode items = propertySchema.path("items");
            if (items.has("properties")) {
                mutate(items, at + "[0]", bodies, depth + 1, inner -> {
                    ArrayNode array = NODES.arrayNode();
                    array.add(inner);
                    ObjectNode object = NODES.objectNode();
                    object.set(name, array);
                    return wrap.apply(object);
                });
            }
        }
    }

    /** JSON values that a property of this schema can never take. */
    static List<String> wrongValues(JsonNode schema) {
        String type = schema.path("type").asText("");
        String format = schema.path("format").asText("");
        List<String> values = new ArrayList<>();
        switch (type) {
            case "string" -> {
                values.addAll(List.of("0", "true", "{}", "[]", "\"a\\u0000b\""));
                switch (format) {
                    case "date" -> values.addAll(List.of("\"+9999999-01-01\"", "\"2026-02-30\"", "12345"));
                    case "date-time" -> values.addAll(List.of("\"+99999-01-01T00:00:00Z\"", "\"yesterday\""));
                    case "uuid" -> values.add("\"not-a-uuid\"");
                    case "duration" -> values.add("\"-PT\"");
                    default -> {}
                }
            }
            case "integer" -> values.addAll(List.of("\"5\"", "true", "1.5", "[]", "{}", "99999999999999999999999"));
            case "number" -> values.addAll(List.of("\"5\"", "true", "[]", "{}"));
            case "boolean" -> values.addAll(List.of("1", "-1", "\"true\"", "\"yes\"", "[]", "{}"));
            case "array" -> {
                values.addAll(List.of("\"a\"", "1", "true", "{}"));
                String itemType = schema.path("items").path("type").asText("");
                if (itemType.equals("string")) {
                    values.addAll(List.of("[0]", "[true]", "[\"\\u0000\"]"));
                } else if (itemType.equals("integer") || itemType.equals("number")) {
                    values.add("[\"x\"]");
                } else if (itemType.equals("object") || schema.path("items").has("properties")) {
                    values.add("[1]");
                }
            }
            case "object" -> values.addAll(List.of("\"a\"", "1", "true", "[]"));
            default -> {
                if (schema.has("properties")) {
                    values.addAll(List.of("\"a\"", "1", "true", "[]"));
                } else if (schema.has("enum")) {
                    values.addAll(List.of("1", "true", "\"not-a-code-of-this-enum\"", "[]"));
                }
            }
        }
        if (schema.has("enum") && type.equals("string")) {
            values.add("\"not-a-code-of-this-enum\"");
        }
        return values;
    }

    private static String firstProperty(JsonNode schema) {
        Iterator<String> names = schema.path("properties").fieldNames();
        return names.hasNext() ? names.next() : null;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String path(Operation op, Map<String, String> values) {
        String path = op.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private Response send(Operation op, Request request) {
        String target = request.path() + (request.query().isEmpty() ? "" : "?" + request.query());
        try {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(base.resolve(target)).timeout(Duration.ofSeconds(30));
            String token = op.secured() ? tokens.apply(op) : null;
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            HttpRequest.BodyPublisher body = request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body());
            builder.method(op.method(), body);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            return new Response(0, "", "no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void check(Operation op, Request request, Response response, List<Finding> findings) {
        String name = op.name() + " [" + request.what() + "]";
        int status = response.status();
        if (status == 0 || status >= 500) {
            findings.add(new Finding(name, status, "server error: " + abbreviate(response.body())));
            return;
        }
        if (status < 400) {
            if (op.writes() && !(op.method().equals("DELETE") && status == 204)) {
                findings.add(new Finding(name, status, "a malformed request was accepted"));
            }
            return;
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            findings.add(new Finding(name, status, "not problem+json but '" + response.contentType() + "'"));
            return;
        }
        if (response.body().length() > MAX_ERROR_BODY) {
            findings.add(
                    new Finding(name, status, "error body of " + response.body().length() + " characters"));
        }
        for (String leak : LEAKS) {
            if (response.body().contains(leak)) {
                findings.add(new Finding(name, status, "error body shows '" + leak.strip() + "'"));
            }
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != status || !problem.hasNonNull("title")) {
                findings.add(new Finding(name, status, "problem without matching status/title"));
            }
            if (status == 400) {
                JsonNode errors = problem.path("errors");
                if (!errors.isArray()
                        || errors.isEmpty()
                        || errors.get(0).path("field").asText("").isBlank()) {
                    findings.add(new Finding(name, status, "400 names no field: " + abbreviate(response.body())));
                }
            }
        } catch (IOException e) {
            findings.add(new Finding(name, status, "problem body is not JSON"));
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
