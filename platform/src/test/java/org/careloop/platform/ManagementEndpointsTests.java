package org.careloop.platform;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import java.util.List;
import java.util.Map;
import org.careloop.testing.KafkaTestResource;
import org.careloop.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Metrics and API docs with the production setting of the shared configuration
 * ({@code careloop.management.policy=operator}; the tests and the local stack open them with {@code permit}):
 * anonymous callers and other roles are refused, an operator is served, health stays public.
 */
@QuarkusTest
@TestProfile(ManagementEndpointsTests.ProductionManagement.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class ManagementEndpointsTests {

    private static final List<String> MANAGEMENT =
            List.of("/q/metrics", "/q/openapi", "/q/openapi?format=json", "/q/swagger-ui", "/q/swagger-ui/");

    /** The production default of the platform configuration, which the test profile otherwise overrides. */
    public static class ProductionManagement implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("careloop.management.policy", "operator", "%test.careloop.management.policy", "operator");
        }
    }

    @Test
    void anonymousCallersGetNeitherMetricsNorApiDocs() {
        for (String path : MANAGEMENT) {
            given().redirects().follow(false).get(path).then().statusCode(401);
        }
    }

    @Test
    @TestSecurity(user = "coordinator", roles = "coordinator")
    void otherRolesAreForbidden() {
        for (String path : MANAGEMENT) {
            given().redirects().follow(false).get(path).then().statusCode(403);
        }
    }

    @Test
    @TestSecurity(user = "operator", roles = "operator")
    void anOperatorIsServed() {
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthStaysPublic() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready")) {
            given().get(path).then().statusCode(200);
        }
    }
}
