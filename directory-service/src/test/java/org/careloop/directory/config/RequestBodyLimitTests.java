package org.careloop.directory.config;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.careloop.directory.TestDirectory;
import org.junit.jupiter.api.Test;

/** Bodies beyond careloop.directory.max-request-bytes are refused, except on the imports, which stream theirs. */
@QuarkusTest
class RequestBodyLimitTests {

    @Test
    void aLargeBodyOnAnEndpointThatReadsItIntoMemoryIsRefusedBeforeItIsRead() {
        String large = "{\"available\": 1, \"unit\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        TestDirectory.as("coordinator")
                .contentType("application/json")
                .body(large)
                .put("/api/v1/services/svc-any/capacity")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }
}
