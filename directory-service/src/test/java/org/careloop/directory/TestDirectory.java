package org.careloop.directory;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.testing.TestPaths;
import org.careloop.testing.Tokens;

/**
 * Helpers shared by the directory's Quarkus tests. All test classes share one database during a run, so each class
 * uses its own SDOHCC categories and unique ids; only the demo directory uses the demo's categories (food,
 * housing, transportation, utilities, safety).
 */
public final class TestDirectory {

    private TestDirectory() {}

    /** A readable id that no other test uses, e.g. {@code svc-cap-1a2b3c4d}. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request carrying a real token of a demo user of the test Keycloak. */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user));
    }

    /** The demo directory the local stack loads: deploy/demo/directory.json. */
    public static String demoBundle() {
        try {
            return Files.readString(TestPaths.root().resolve("deploy/demo/directory.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports a bundle as coordinator and expects success. */
    public static void importBundle(String json) {
        as("coordinator")
                .contentType(ContentType.JSON)
                .body(json)
                .post("/api/v1/directory/import")
                .then()
                .statusCode(200);
    }

    /** Imports (or restores) the demo directory; importing is idempotent. */
    public static void importDemo() {
        importBundle(demoBundle());
    }

    /** A bundle of one organization with some services (see {@link #service}). */
    public static String bundle(String organizationId, String... services) {
        return """
                {"organizations": [{"id": "%s", "name": "Test organization %s", "description": "For tests.",
                  "services": [%s]}]}
                """.formatted(organizationId, organizationId, String.join(", ", services));
    }

    /** An active service of one category with capacity in the {@code place} unit. */
    public static String service(String id, String category, int available, Integer maximum, LocalDate assured) {
        return """
                {"id": "%s", "name": "Service %s", "status": "active", "categories": ["%s"], "assured_date": %s,
                 "capacity": {"unit": "place", "available": %d, "maximum": %s}}""".formatted(
                        id,
                        id,
                        category,
                        assured == null ? "null" : "\"" + assured + "\"",
                        available,
                        maximum == null ? "null" : maximum.toString());
    }

    /**
     * Takes every service of a category out of matching (status defunct), so that a test starts from the services it
     * imports itself. Test classes share one database; each uses its own categories.
     */
    public static void retireCategory(Pool database, String category) {
        database.preparedQuery("update service set status = 'defunct' where id in"
                        + " (select service_id from service_category where category = $1)")
                .execute(Tuple.of(category))
                .await()
                .atMost(Duration.ofSeconds(30));
        // As an import does after writing: the match index (V10) follows the status.
        database.preparedQuery("select refresh_match_index(array(select service_id from service_category"
                        + " where category = $1))")
                .execute(Tuple.of(category))
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    /** A service as clinicians see it. */
    public static JsonPath serviceView(String id) {
        return as("clinician")
                .get("/api/v1/services/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Places free at a service after holds. */
    public static int available(String serviceId) {
        return serviceView(serviceId).getInt("capacity.available");
    }

    /** The holds of a service, newest first, as a coordinator sees them. */
    public static List<Map<String, Object>> holds(String serviceId) {
        return as("coordinator")
                .queryParam("size", 200)
                .get("/api/v1/services/{id}/holds", serviceId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    /** Capacity-changed rows the service wrote to its outbox for a service. */
    public static long capacityEventsWritten(Pool database, String serviceId) {
        return database.preparedQuery("select count(*) from outbox_event where topic = $1 and event_key = $2")
                .execute(Tuple.of(Topics.CAPACITY_CHANGED, serviceId))
                .await()
                .atMost(Duration.ofSeconds(30))
                .iterator()
                .next()
                .getLong(0);
    }
}
