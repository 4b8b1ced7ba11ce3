package org.careloop.directory;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
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
}
