package org.careloop.directory.exchange;

import static org.careloop.directory.TestDirectory.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Helpers of the HSDS exchange tests: examples, requests, zips and database reads. */
final class Hsds {

    static final ObjectMapper JSON = new ObjectMapper();

    private Hsds() {}

    /** A file of the test classpath as text, e.g. {@code hsds/3.1/examples/service_full.json}. */
    static String resource(String path) {
        try (InputStream in = Hsds.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException(path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response importJson(String body, String query) {
        return as("coordinator")
                .contentType("application/json")
                .body(body)
                .post("/api/v1/directory/hsds/import" + query);
    }

    static JsonNode imported(String body) {
        Response response = importJson(body, "");
        if (response.statusCode() != 200) {
            throw new AssertionError("import answered " + response.statusCode() + ": " + response.asString());
        }
        return read(response.asString());
    }

    static Response importZip(byte[] zip) {
        return as("operator").contentType("application/zip").body(zip).post("/api/v1/directory/hsds/import");
    }

    static Response export(String query) {
        return as("integrator").get("/api/v1/directory/hsds/export" + query);
    }

    /** A zip of the given entries. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> unzip(byte[] zip) {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A copy without {@code last_modified} anywhere (the directory's own change time). */
    static JsonNode withoutLastModified(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("last_modified");
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Hsds::strip);
        }
    }

    /** The counts of one object type in an import answer. */
    static JsonNode counts(JsonNode answer, String plural) {
        return answer.path("counts").path(plural);
    }

    static Row row(Pool database, String sql, Object... args) {
        Iterator<Row> rows = database.preparedQuery(sql)
                .execute(Tuple.from(args))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator();
        return rows.hasNext() ? rows.next() : null;
    }

    static long count(Pool database, String sql, Object... args) {
        return row(database, sql, args).getLong(0);
    }
}
