package org.careloop.directory.matching.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.importDemo;
import static org.careloop.directory.TestDirectory.unique;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranked matches over HTTP. Categories of this class: financial-insecurity, educational-attainment (never listed). */
@QuarkusTest
class MatchResourceTests {

    private static JsonPath matches(String category, int limit) {
        return as("clinician")
                .queryParam("category", category)
                .queryParam("limit", limit)
                .get("/api/v1/matches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void ranksActiveServicesWithPlacesByPlacesThenAssuranceThenId() {
        String org = unique("org-fin");
        String prefix = unique("svc-fin");
        importBundle("""
                {"organizations": [{"id": "%1$s", "name": "Money Matters", "description": "Financial coaching.",
                  "services": [
                    {"id": "%2$s-a", "name": "A", "status": "active", "categories": ["financial-insecurity"],
                     "assured_date": "2026-01-01", "capacity": {"unit": "client", "available": 5}},
                    {"id": "%2$s-b", "name": "B", "status": "active", "categories": ["financial-insecurity"],
                     "assured_date": "2026-06-01", "capacity": {"unit": "client", "available": 5}},
                    {"id": "%2$s-c", "name": "C", "status": "active", "categories": ["financial-insecurity"],
                     "capacity": {"unit": "client", "available": 9, "maximum": 9}},
                    {"id": "%2$s-d", "name": "D", "status": "active", "categories": ["financial-insecurity"],
                     "assured_date": "2026-06-01", "capacity": {"unit": "client", "available": 5}},
                    {"id": "%2$s-e", "name": "E", "status": "inactive", "categories": ["financial-insecurity"],
                     "capacity": {"unit": "client", "available": 50}},
                    {"id": "%2$s-f", "name": "F", "status": "active", "categories": ["financial-insecurity"],
                     "capacity": {"unit": "client", "available": 0}},
                    {"id": "%2$s-g", "name": "G", "status": "active", "categories": ["financial-insecurity"]}
                  ]}]}
                """.formatted(org, prefix));

        JsonPath ranked = matches("financial-insecurity", 50);

        assertThat(ranked.getList("service_id"))
                .containsExactly(prefix + "-c", prefix + "-b", prefix + "-d", prefix + "-a");
        assertThat(ranked.getList("rank")).containsExactly(1, 2, 3, 4);
        assertThat(ranked.getList("organization_id")).containsOnly(org);
        assertThat(ranked.getList("available")).containsExactly(9, 5, 5, 5);
        assertThat(ranked.getList("reason"))
                .containsExactly(
                        "active, 9 client places available, never assured",
                        "active, 5 client places available, assured 2026-06-01",
                        "active, 5 client places available, assured 2026-06-01",
                        "active, 5 client places available, assured 2026-01-01");

        assertThat(matches("financial-insecurity", 2).getList("service_id"))
                .containsExactly(prefix + "-c", prefix + "-b");
    }

    @Test
    void matchesTheDemoFoodBankFirstAndNeverTheFullPantry() {
        importDemo();

        JsonPath ranked = matches("food-insecurity", 5);

        List<Map<String, Object>> all = ranked.getList("$");
        assertThat(all).isNotEmpty();
        assertThat(all.getFirst())
                .containsEntry("rank", 1)
                .containsEntry("service_id", "svc-foodbank-pantry")
                .containsEntry("organization_id", "org-foodbank")
                .containsEntry("available", 25)
                .containsEntry("reason", "active, 25 household places available, assured 2026-11-01");
        assertThat(ranked.getList("service_id")).doesNotContain("svc-northside-emergency-groceries");
    }

    @Test
    void answersAnEmptyListWhenNothingQualifies() {
        assertThat(matches("educational-attainment", 5).getList("$")).isEmpty();
    }

    @Test
    void rejectsMissingOrUnknownCategoriesAndLimitsOutOfRange() {
        as("clinician").get("/api/v1/matches").then().statusCode(400).body("errors[0].field", equalTo("category"));
        as("clinician")
                .queryParam("category", "interpersonal-safety")
                .get("/api/v1/matches")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("category"));
        as("clinician")
                .queryParam("category", "food-insecurity")
                .queryParam("limit", 0)
                .get("/api/v1/matches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as("clinician")
                .queryParam("category", "food-insecurity")
                .queryParam("limit", 51)
                .get("/api/v1/matches")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void needsAToken() {
        given().queryParam("category", "food-insecurity")
                .get("/api/v1/matches")
                .then()
                .statusCode(401);
    }
}
