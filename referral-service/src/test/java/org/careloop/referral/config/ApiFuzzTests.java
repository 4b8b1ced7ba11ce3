package org.careloop.referral.config;

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
        ApiFuzzing.assertRobust(base, ApiFuzzing.PLATFORM_TABLES);
    }
}
