package org.careloop.screening.config;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.careloop.testing.api.ApiFuzzing;
import org.junit.jupiter.api.Test;

/** Every endpoint of the OpenAPI document, sent a corpus of malformed requests: 4xx problems only, nothing written. */
@QuarkusTest
class ApiFuzzTests {

    @TestHTTPResource("/")
    URI base;

    @Test
    void malformedRequestsToEveryEndpointGetProblemsAndWriteNothing() {
        // A refused read of a person's details is itself audited: the audit log grows, nothing else may.
        ApiFuzzing.assertRobust(
                base, java.util.Set.of("outbox_event", "processed_event", "disclosure_audit", "referral_access"));
    }
}
