package org.careloop.directory.matching.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.retireCategory;
import static org.careloop.directory.TestDirectory.unique;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.careloop.directory.matching.Places;
import org.careloop.directory.matching.Places.Place;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Matching by the person's place, age and language over {@code GET /api/v1/matches}. Category of this class:
 * medical-cost-burden; every test has a postal code of its own, far from any other test's services.
 */
@QuarkusTest
class MatchByPlaceTests {

    private static final String MEDICAL = "medical-cost-burden";

    @Inject
    Pool database;

    private Places places;
    private Place place;
    private String org;

    @BeforeEach
    void setUp() {
        retireCategory(database, MEDICAL);
        places = new Places(database);
        place = places.newPlace();
        org = unique("org-med");
    }

    /** An active service of the category; capacity null for none; ages may be null. */
    private static String service(String id, Integer available, Integer minimumAge, Integer maximumAge) {
        return """
                {"id": "%s", "name": "Service %s", "status": "active", "categories": ["%s"], "assured_date": "%s",
                 "minimum_age": %s, "maximum_age": %s%s}""".formatted(
                id,
                id,
                MEDICAL,
                LocalDate.now(),
                minimumAge,
                maximumAge,
                available == null ? "" : ", \"capacity\": {\"unit\": \"place\", \"available\": " + available + "}");
    }

    private void importServices(String... services) {
        importBundle("""
                {"organizations": [{"id": "%s", "name": "Medical help", "description": "For tests.",
                  "services": [%s]}]}
                """.formatted(org, String.join(", ", services)));
    }

    private static JsonPath match(Map<String, Object> params) {
        return as("clinician")
                .queryParam("category", MEDICAL)
                .queryParam("limit", 50)
                .queryParams(params)
                .get("/api/v1/matches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private List<String> ids(Map<String, Object> params) {
        return match(params).getList("service_id");
    }

    @Test
    void aServiceAreaListingThePostalCodeCoversIt() {
        String listed = unique("svc-med-list");
        String elsewhere = unique("svc-med-else");
        String county = unique("svc-med-county");
        String shape = unique("svc-med-geo");
        String farShape = unique("svc-med-fargeo");
        importServices(
                service(listed, 5, null, null),
                service(elsewhere, 9, null, null),
                service(county, 4, null, null),
                service(shape, 3, null, null),
                service(farShape, 8, null, null));
        places.area(listed, "Our ZIP codes", "00999, " + place.code(), "postal codes");
        places.area(elsewhere, "Another ZIP code", "00999", "postal codes");
        places.area(county, place.locality() + " County, ZZ", null, null);
        places.area(shape, "Around", Places.square(place.latitude(), place.longitude(), 3), "geojson");
        places.area(farShape, "Far away", Places.square(place.north(300), place.longitude(), 3), "geojson");
        // A location next door does not help a service whose areas are elsewhere.
        places.locate(elsewhere, place.latitude(), place.longitude());

        JsonPath found = match(Map.of("postal_code", place.code()));

        assertThat(found.<String>getList("service_id")).containsExactly(listed, county, shape);
        assertThat(found.getString("[0].reason"))
                .startsWith("serves " + place.code() + ", language unknown, age unknown, active, 5 places free");
        assertThat(found.getString("[0].distance_km")).isNull();
        assertThat(found.getDouble("[0].scores.distance")).isEqualTo(0.5);
        // ZIP+4 is cut to the five digits; without a postal code the place does not filter.
        assertThat(ids(Map.of("postal_code", place.code() + "-1234"))).containsExactly(listed, county, shape);
        assertThat(ids(Map.of())).contains(listed, elsewhere, county, shape, farShape);
    }

    @Test
    void aServiceWithoutAreaServesWithinItsRadiusOfItsLocations() {
        String near = unique("svc-med-near");
        String far = unique("svc-med-far");
        String wide = unique("svc-med-wide");
        String closer = unique("svc-med-closer");
        importServices(
                service(near, 5, null, null),
                service(far, 5, null, null),
                service(wide, 5, null, null),
                service(closer, 5, null, null));
        places.locate(near, place.north(2.4), place.longitude());
        places.locate(far, place.north(40), place.longitude());
        places.locate(wide, place.north(40), place.longitude());
        places.radius(wide, 50);
        places.locate(closer, place.north(0.5), place.longitude());
        places.locate(closer, place.north(30), place.longitude());

        JsonPath found = match(Map.of("postal_code", place.code()));

        // Default radius 25 km; the wide service serves 50 km around; closer is better, all else equal.
        assertThat(found.<String>getList("service_id")).containsExactly(closer, near, wide);
        assertThat(found.getDouble("[0].distance_km")).isEqualTo(0.5);
        assertThat(found.getDouble("[1].distance_km")).isEqualTo(2.4);
        assertThat(found.getString("[1].reason")).startsWith("2.4 km (serves within 25 km), ");
        assertThat(found.getString("[2].reason")).startsWith("40 km (serves within 50 km), ");
        assertThat(found.getDouble("[0].scores.distance")).isGreaterThan(found.getDouble("[1].scores.distance"));
    }

    @Test
    void whereAServiceIsFollowsItsLocationsAndCategories() {
        String moving = unique("svc-med-moving");
        importServices(service(moving, 5, null, null));
        String location = places.locate(moving, place.north(30), place.longitude());
        assertThat(ids(Map.of("postal_code", place.code()))).isEmpty();

        // The location moves within the radius, then the service is imported again (its categories refreshed).
        places.execute(
                "update location set latitude = $2 where id = $1",
                io.vertx.mutiny.sqlclient.Tuple.of(location, place.north(3)));
        places.refresh(moving);
        assertThat(match(Map.of("postal_code", place.code())).getDouble("[0].distance_km"))
                .isEqualTo(3.0);
        importServices(service(moving, 5, null, null));
        assertThat(ids(Map.of("postal_code", place.code()))).containsExactly(moving);

        // Without the category, or without the location, it is no longer there.
        places.execute(
                "delete from service_at_location where location_id = $1", io.vertx.mutiny.sqlclient.Tuple.of(location));
        places.refresh(moving);
        assertThat(ids(Map.of("postal_code", place.code()))).isEmpty();
        assertThat(count("select count(*) from service_site where service_id = '" + moving + "'"))
                .isZero();
    }

    @Test
    void capacityMovesInTheMatchIndexWithEveryHoldAndReport() {
        String covered = unique("svc-med-cap-area");
        String near = unique("svc-med-cap-near");
        importServices(service(covered, 1, null, null), service(near, 1, null, null));
        places.area(covered, "Our ZIP code", place.code(), "postal codes");
        places.locate(near, place.north(2), place.longitude());
        assertThat(ids(Map.of("postal_code", place.code()))).containsExactlyInAnyOrder(covered, near);

        // The last place of each is held: neither qualifies any more, with or without the person's place.
        places.execute(
                "update service_capacity set held = held + 1 where service_id in ($1, $2)",
                io.vertx.mutiny.sqlclient.Tuple.of(covered, near));
        assertThat(ids(Map.of("postal_code", place.code()))).isEmpty();
        assertThat(ids(Map.of())).doesNotContain(covered, near);
        assertThat(count("select count(*) from match_place where service_id in ('" + covered + "', '" + near
                        + "') and available = 0"))
                .isEqualTo(2);

        // A capacity gone (the feed stopped publishing it) is capacity unknown: they qualify again, ranked below
        // places.
        places.execute(
                "delete from service_capacity where service_id in ($1, $2)",
                io.vertx.mutiny.sqlclient.Tuple.of(covered, near));
        JsonPath found = match(Map.of("postal_code", place.code()));
        assertThat(found.<String>getList("service_id")).containsExactlyInAnyOrder(covered, near);
        assertThat(found.<Boolean>getList("capacity_known")).containsOnly(false);
        assertThat(count("select count(*) from match_place where service_id in ('" + covered + "', '" + near
                        + "') and capacity_unknown and available is null"))
                .isEqualTo(2);
    }

    private long count(String sql) {
        return database.query(sql)
                .execute()
                .await()
                .atMost(java.time.Duration.ofSeconds(30))
                .iterator()
                .next()
                .getLong(0);
    }

    @Test
    void theAgeBandMustOverlapTheServicesAges() {
        String elders = unique("svc-med-65");
        String adults = unique("svc-med-18-64");
        String anyone = unique("svc-med-any");
        importServices(service(elders, 5, 65, null), service(adults, 5, 18, 64), service(anyone, 5, null, null));
        for (String id : List.of(elders, adults, anyone)) {
            places.area(id, "Here", place.code(), null);
        }

        assertThat(ids(Map.of("postal_code", place.code(), "age_band", "65+")))
                .containsExactlyInAnyOrder(elders, anyone);
        assertThat(ids(Map.of("postal_code", place.code(), "age_band", "26-44")))
                .containsExactlyInAnyOrder(adults, anyone);
        assertThat(ids(Map.of("postal_code", place.code(), "age_band", "0-17"))).containsExactly(anyone);
        assertThat(match(Map.of("postal_code", place.code(), "age_band", "0-17"))
                        .getString("[0].reason"))
                .contains(", open to 0-17, ");
    }

    @Test
    void theServiceSpeaksTheLanguageOrOffersInterpretation() {
        String spanish = unique("svc-med-es");
        String atSite = unique("svc-med-site");
        String interpreted = unique("svc-med-int");
        String englishOnly = unique("svc-med-en");
        importServices(
                service(spanish, 5, null, null),
                service(atSite, 5, null, null),
                service(interpreted, 5, null, null),
                service(englishOnly, 5, null, null));
        places.speaks(spanish, "es-MX", "Spanish");
        places.speaksAt(places.locate(atSite, place.north(1), place.longitude()), "ES", null);
        places.speaks(interpreted, "en", "English");
        places.interprets(interpreted, "Telephone interpretation in 200 languages");
        places.speaks(englishOnly, "en", "English");
        places.interprets(englishOnly, "   ");
        for (String id : List.of(spanish, interpreted, englishOnly)) {
            places.area(id, "Here", place.code(), null);
        }

        JsonPath found = match(Map.of("postal_code", place.code(), "language", "es-US"));

        assertThat(found.<String>getList("service_id")).containsExactlyInAnyOrder(spanish, atSite, interpreted);
        Map<String, String> reasons = reasons(found);
        assertThat(reasons.get(spanish)).startsWith("serves " + place.code() + ", speaks Spanish, age unknown, ");
        assertThat(reasons.get(atSite)).startsWith("1.0 km (serves within 25 km), speaks Spanish, ");
        assertThat(reasons.get(interpreted)).contains(", interpretation for Spanish, ");
        assertThat(ids(Map.of("postal_code", place.code(), "language", "en"))).contains(englishOnly, interpreted);
    }

    @Test
    void servicesWithoutCapacityQualifyBelowServicesWithPlacesAndFullOnesDoNot() {
        String unknown = unique("svc-med-unknown");
        String few = unique("svc-med-few");
        String full = unique("svc-med-full");
        importServices(service(unknown, null, null, null), service(few, 1, null, null), service(full, 0, null, null));
        for (String id : List.of(unknown, few, full)) {
            places.area(id, "Here", place.code(), null);
        }
        // The unknown one is closer, which does not lift it above a service with a place.
        places.locate(unknown, place.latitude(), place.longitude());

        JsonPath found = match(Map.of("postal_code", place.code()));

        assertThat(found.<String>getList("service_id")).containsExactly(few, unknown);
        assertThat(found.getBoolean("[0].capacity_known")).isTrue();
        assertThat(found.getInt("[0].available")).isEqualTo(1);
        assertThat(found.getBoolean("[1].capacity_known")).isFalse();
        assertThat(found.getString("[1].available")).isNull();
        assertThat(found.getDouble("[1].scores.capacity")).isZero();
        assertThat(found.getString("[1].reason")).contains(", active, capacity unknown, ");
    }

    @Test
    void malformedPersonFactsAreRejectedNamingTheParameter() {
        for (var bad : List.of(
                Map.entry("postal_code", "0211"),
                Map.entry("postal_code", "abcde"),
                Map.entry("age_band", "30-40"),
                Map.entry("language", "español"))) {
            as("clinician")
                    .queryParam("category", MEDICAL)
                    .queryParam(bad.getKey(), bad.getValue())
                    .get("/api/v1/matches")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body(containsString(bad.getKey()));
        }
    }

    private static Map<String, String> reasons(JsonPath found) {
        List<String> ids = found.getList("service_id");
        List<String> reasons = found.getList("reason");
        Map<String, String> byId = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), reasons.get(i));
        }
        return byId;
    }
}
