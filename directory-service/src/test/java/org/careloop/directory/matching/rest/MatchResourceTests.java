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
import java.time.LocalDate;
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
    void ranksActiveServicesWithPlacesByWeightedScoreAndExplainsEachOne() {
        String org = unique("org-fin");
        String prefix = unique("svc-fin");
        LocalDate recent = LocalDate.now().minusDays(5);
        LocalDate old = LocalDate.now().minusDays(400);
        importBundle("""
                {"organizations": [{"id": "%1$s", "name": "Money Matters", "description": "Financial coaching.",
                  "services": [
                    {"id": "%2$s-a", "name": "A", "status": "active", "categories": ["financial-insecurity"],
                     "assured_date": "%4$s", "capacity": {"unit": "client", "available": 5}},
                    {"id": "%2$s-b", "name": "B", "status": "active", "categories": ["financial-insecurity"],
                     "assured_date": "%3$s", "capacity": {"unit": "client", "available": 5}},
                    {"id": "%2$s-c", "name": "C", "status": "active", "categories": ["financial-insecurity"],
                     "assured_date": "%3$s", "capacity": {"unit": "client", "available": 40, "maximum": 40}},
                    {"id": "%2$s-d", "name": "D", "status": "active", "categories": ["financial-insecurity"],
                     "assured_date": "%3$s", "capacity": {"unit": "client", "available": 5}},
                    {"id": "%2$s-e", "name": "E", "status": "inactive", "categories": ["financial-insecurity"],
                     "capacity": {"unit": "client", "available": 50}},
                    {"id": "%2$s-f", "name": "F", "status": "active", "categories": ["financial-insecurity"],
                     "capacity": {"unit": "client", "available": 0}},
                    {"id": "%2$s-g", "name": "G", "status": "active", "categories": ["financial-insecurity"]}
                  ]}]}
                """.formatted(org, prefix, recent, old));

        JsonPath ranked = matches("financial-insecurity", 50);

        // Most places first; equal places by freshness; exact ties by id; capacity unknown last.
        assertThat(ranked.getList("service_id"))
                .containsExactly(prefix + "-c", prefix + "-b", prefix + "-d", prefix + "-a", prefix + "-g");
        assertThat(ranked.getList("rank")).containsExactly(1, 2, 3, 4, 5);
        assertThat(ranked.getList("organization_id")).containsOnly(org);
        assertThat(ranked.getList("available")).containsExactly(40, 5, 5, 5, null);
        assertThat(ranked.getList("capacity_known")).containsExactly(true, true, true, true, false);
        assertThat(ranked.getList("distance_km")).containsOnlyNulls();
        assertThat(ranked.getList("held")).containsOnly(0);
        assertThat(ranked.getList("recent_referrals")).containsOnly(0);
        assertThat(ranked.getList("reason"))
                .containsExactly(
                        "active, 40 of 40 client places free, no responses yet, acknowledgement time unknown, assured "
                                + recent + ", no referrals in the last 24 h",
                        "active, 5 client places free, no responses yet, acknowledgement time unknown, assured "
                                + recent + ", no referrals in the last 24 h",
                        "active, 5 client places free, no responses yet, acknowledgement time unknown, assured "
                                + recent + ", no referrals in the last 24 h",
                        "active, 5 client places free, no responses yet, acknowledgement time unknown, assured " + old
                                + ", no referrals in the last 24 h",
                        "active, capacity unknown, no responses yet, acknowledgement time unknown, never assured,"
                                + " no referrals in the last 24 h");
        List<Float> scores = ranked.getList("score");
        assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(scores).allSatisfy(score -> assertThat(score).isBetween(0f, 1f));
        Map<String, Object> best = ranked.getMap("[0]");
        assertThat(best).containsEntry("maximum", 40).containsEntry("unit", "client");
        assertThat(ranked.getFloat("[0].acceptance_rate")).isEqualTo(0.5f);
        assertThat((Object) ranked.get("[0].median_hours_to_acknowledge")).isNull();
        assertThat(ranked.getMap("[0].scores"))
                .containsKeys("capacity", "acceptance", "acknowledgement", "freshness", "load", "distance");
        assertThat(ranked.getFloat("[0].scores.load")).isEqualTo(1f);

        assertThat(matches("financial-insecurity", 2).getList("service_id"))
                .containsExactly(prefix + "-c", prefix + "-b");
        // Reading matches holds nothing.
        assertThat(matches("financial-insecurity", 1).getList("available")).containsExactly(40);
    }

    @Test
    void ranksTheDemosTwoFoodServices() {
        importDemo();

        JsonPath ranked = matches("food-insecurity", 5);

        List<Map<String, Object>> all = ranked.getList("$");
        assertThat(ranked.getList("service_id"))
                .containsExactlyInAnyOrder("svc-foodbank-pantry", "svc-northside-emergency-groceries");
        assertThat(ranked.getList("rank")).containsExactly(1, 2);
        assertThat(all).allSatisfy(m -> assertThat((String) m.get("reason")).startsWith("active, "));
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
