package org.careloop.directory.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published API description and the public health endpoint. */
@QuarkusTest
class OpenApiTests {

    @Test
    void describesEveryEndpointWithHsdsFieldNames() {
        JsonPath openapi = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        Map<String, Object> paths = openapi.getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/directory/import",
                        "/api/v1/organizations",
                        "/api/v1/organizations/{id}",
                        "/api/v1/services",
                        "/api/v1/services/{id}",
                        "/api/v1/services/{id}/capacity",
                        "/api/v1/services/{id}/holds",
                        "/api/v1/matches");
        Map<String, Object> service = openapi.getMap("components.schemas.ServiceView.properties");
        assertThat(service)
                .containsKeys(
                        "organization_id", "eligibility_description", "assured_date", "capacity", "responsiveness");
        Map<String, Object> capacity = openapi.getMap("components.schemas.CapacityView.properties");
        assertThat(capacity).containsKeys("available", "maximum", "unit", "updated", "held", "reported_available");
        Map<String, Object> match = openapi.getMap("components.schemas.MatchView.properties");
        assertThat(match)
                .containsKeys(
                        "rank",
                        "service_id",
                        "organization_id",
                        "available",
                        "reason",
                        "score",
                        "scores",
                        "acceptance_rate",
                        "median_hours_to_acknowledge",
                        "recent_referrals");
        Map<String, Object> hold = openapi.getMap("components.schemas.HoldView.properties");
        assertThat(hold).containsKeys("need_id", "referral_id", "state", "expires_at");
    }

    @Test
    void healthIsPublic() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
