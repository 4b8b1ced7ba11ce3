package org.careloop.notification.config;

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
        // Timers fire on their own schedule and write the next outcome-update request.
        ApiFuzzing.assertRobust(
                base, java.util.Set.of("outbox_event", "processed_event", "chase_timer", "need_contact_window"));
    }
}
