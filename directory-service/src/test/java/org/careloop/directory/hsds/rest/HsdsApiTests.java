package org.careloop.directory.hsds.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.careloop.directory.TestDirectory;
import org.careloop.directory.hsds.HsdsSchemas;
import org.careloop.directory.hsds.HsdsTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public HSDS 3.1 API: every endpoint and filter, the paging envelope, errors, schemas, CORS and no token. */
@QuarkusTest
class HsdsApiTests {

    @Inject
    Pool database;

    private HsdsTestData data;

    @BeforeEach
    void seed() {
        data = HsdsTestData.seeded(database);
    }

    /** An anonymous client with an address of its own, so that tests never share a rate-limit bucket. */
    static RequestSpecification anonymous() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().header(
                        "X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    private static JsonPath ok(RequestSpecification request, String path) {
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("contents.id");
    }

    // ------------------------------------------------------------------ root, CORS, no token

    @Test
    void rootNamesTheVersionProfileAndOpenApiDocument() {
        for (String path : List.of("/hsds", "/hsds/")) {
            anonymous()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .header("Access-Control-Allow-Origin", "*")
                    .body("version", equalTo("3.1"))
                    .body("profile", equalTo("https://docs.openreferral.org/en/latest/hsds/"))
                    .body("openapi_url", startsWith("http"))
                    .body("openapi_url", org.hamcrest.Matchers.endsWith("/hsds/openapi.json"));
        }
        anonymous()
                .get("/hsds/openapi.json")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths", org.hamcrest.Matchers.hasKey("/services"));
    }

    @Test
    void everyEndpointIsPublicAndOpenToAnyOrigin() {
        for (String path : List.of(
                "/hsds/services",
                "/hsds/services/" + data.pantry,
                "/hsds/organizations",
                "/hsds/organizations/" + data.orgA,
                "/hsds/taxonomies",
                "/hsds/taxonomies/" + data.taxonomy,
                "/hsds/taxonomy_terms",
                "/hsds/taxonomy_terms/" + data.food,
                "/hsds/service_at_locations",
                "/hsds/service_at_locations/" + data.pantrySal)) {
            anonymous().get(path).then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        }
        // a valid token changes nothing
        TestDirectory.as("clinician")
                .get("/hsds/services/" + data.pantry)
                .then()
                .statusCode(200);
    }

    @Test
    void writesAreNotAllowed() {
        for (String path : List.of("/hsds/services", "/hsds/organizations", "/hsds/services/" + data.pantry)) {
            anonymous()
                    .contentType("application/json")
                    .body("{}")
                    .post(path)
                    .then()
                    .statusCode(405)
                    .contentType(startsWith("application/problem+json"));
        }
        anonymous().delete("/hsds/services/" + data.pantry).then().statusCode(405);
    }

    @Test
    void openApiDocumentsTheHsdsApi() {
        Map<String, Object> paths = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/hsds",
                        "/hsds/services",
                        "/hsds/services/{id}",
                        "/hsds/organizations",
                        "/hsds/organizations/{id}",
                        "/hsds/taxonomies",
                        "/hsds/taxonomies/{id}",
                        "/hsds/taxonomy_terms",
                        "/hsds/taxonomy_terms/{id}",
                        "/hsds/service_at_locations",
                        "/hsds/service_at_locations/{id}");
    }

    // ------------------------------------------------------------------ paging envelope

    @Test
    void pagingEnvelope() {
        JsonPath first =
                ok(anonymous().queryParam("organization_id", data.orgA).queryParam("per_page", 2), "/hsds/services");
        assertThat(first.getLong("total_items")).isEqualTo(3);
        assertThat(first.getInt("total_pages")).isEqualTo(2);
        assertThat(first.getInt("page_number")).isEqualTo(1);
        assertThat(first.getInt("size")).isEqualTo(2);
        assertThat(first.getBoolean("first_page")).isTrue();
        assertThat(first.getBoolean("last_page")).isFalse();
        assertThat(first.getBoolean("empty")).isFalse();
        assertThat(ids(first)).containsExactly(data.pantry, data.clinic); // by id

        JsonPath second = ok(
                anonymous()
                        .queryParam("organization_id", data.orgA)
                        .queryParam("per_page", 2)
                        .queryParam("page", 2),
                "/hsds/services");
        assertThat(ids(second)).containsExactly(data.shelter);
        assertThat(second.getInt("size")).isEqualTo(1);
        assertThat(second.getBoolean("first_page")).isFalse();
        assertThat(second.getBoolean("last_page")).isTrue();

        JsonPath beyond = ok(
                anonymous()
                        .queryParam("organization_id", data.orgA)
                        .queryParam("per_page", 2)
                        .queryParam("page", 3),
                "/hsds/services");
        assertThat(beyond.getBoolean("empty")).isTrue();
        assertThat(beyond.getInt("size")).isZero();
        assertThat(beyond.getList("contents")).isEmpty();
        assertThat(beyond.getLong("total_items")).isEqualTo(3);

        JsonPath none = ok(anonymous().queryParam("organization_id", "no-such-org"), "/hsds/services");
        assertThat(none.getLong("total_items")).isZero();
        assertThat(none.getInt("total_pages")).isZero();
        assertThat(none.getBoolean("empty")).isTrue();
        assertThat(none.getBoolean("first_page")).isTrue();
        assertThat(none.getBoolean("last_page")).isTrue();
    }

    @Test
    void perPageDefaultsToFiftyAndAllowsUpTo200() {
        JsonPath page = ok(anonymous(), "/hsds/taxonomy_terms");
        assertThat(page.getInt("size")).isLessThanOrEqualTo(50);
        assertThat(page.getLong("total_items")).isGreaterThanOrEqualTo(26); // 24 need categories and 2 of ours
        assertThat(page.getInt("total_pages")).isEqualTo((int) ((page.getLong("total_items") + 49) / 50));
        ok(anonymous().queryParam("per_page", 200), "/hsds/services");
    }

    // ------------------------------------------------------------------ validation

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertProblem("/hsds/services", Map.of("page", "0"), "page");
        assertProblem("/hsds/services", Map.of("page", "abc"), "page");
        assertProblem("/hsds/services", Map.of("per_page", "1000"), "per_page");
        assertProblem("/hsds/services", Map.of("per_page", "0"), "per_page");
        assertProblem("/hsds/services", Map.of("modified_after", "yesterday"), "modified_after");
        assertProblem("/hsds/services", Map.of("modified_after", "2026-13-45T00:00:00Z"), "modified_after");
        assertProblem("/hsds/services", Map.of("proximity", "1000"), "proximity");
        assertProblem("/hsds/services", Map.of("postcode", data.near, "proximity", "-3"), "proximity");
        assertProblem("/hsds/services", Map.of("postcode", "00000-NOPE"), "postcode");
        assertProblem("/hsds/services", Map.of("format", "ndjson"), "format");
        assertProblem("/hsds/services", Map.of("minimal", "true", "full", "true"), "minimal");
        assertProblem("/hsds/services", Map.of("full", "yes"), "full");
        assertProblem("/hsds/services", Map.of("search", "x".repeat(201)), "search");
        assertProblem("/hsds/service_at_locations", Map.of("postcode", data.near, "proximity", "far"), "proximity");
        assertProblem("/hsds/service_at_locations", Map.of("postcode", "00000-NOPE"), "postcode");
        assertProblem("/hsds/organizations", Map.of("per_page", "201"), "per_page");
        assertProblem("/hsds/taxonomies", Map.of("page", "-1"), "page");
        assertProblem("/hsds/taxonomy_terms", Map.of("top_only", "maybe"), "top_only");
    }

    @Test
    void unknownIdsAreNotFound() {
        for (String path : List.of(
                "/hsds/services/nope",
                "/hsds/organizations/nope",
                "/hsds/taxonomies/nope",
                "/hsds/taxonomy_terms/nope",
                "/hsds/service_at_locations/nope")) {
            anonymous().get(path).then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
    }

    private static void assertProblem(String path, Map<String, String> query, String field) {
        Response response = anonymous().queryParams(query).get(path);
        assertThat(response.statusCode()).as(path + " " + query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class))
                .as(path + " " + query)
                .containsExactly(field);
    }

    // ------------------------------------------------------------------ services: filters and shapes

    @Test
    void listsCarryOneToOneFieldsMinimalOnlyIdAndLastModified() {
        JsonPath brief = ok(anonymous().queryParam("organization_id", data.orgA), "/hsds/services");
        Map<String, Object> pantry = brief.getMap("contents.find { it.id == '" + data.pantry + "' }");
        assertThat(pantry)
                .containsEntry("name", "Harbor Pantry")
                .containsEntry("status", "active")
                .containsEntry("organization_id", data.orgA)
                .containsEntry("minimum_age", 18)
                .containsEntry("assured_date", "2026-11-01")
                .containsEntry("last_modified", "2021-06-01T12:30:00.123Z")
                .doesNotContainKeys("contacts", "phones", "service_at_locations", "organization");

        JsonPath minimal =
                ok(anonymous().queryParam("organization_id", data.orgA).queryParam("minimal", true), "/hsds/services");
        assertThat(minimal.getList("contents", Map.class))
                .allSatisfy(m -> assertThat(m).containsOnlyKeys("id", "last_modified"));
        assertThat(minimal.getString("contents.find { it.id == '" + data.pantry + "' }.last_modified"))
                .isEqualTo("2021-06-01T12:30:00.123Z");

        JsonPath full =
                ok(anonymous().queryParam("organization_id", data.orgA).queryParam("full", true), "/hsds/services");
        assertThat(full.getList("contents", Map.class))
                .allSatisfy(m -> assertThat(m).containsKeys("organization", "service_at_locations", "capacities"));
        assertThat(full.getList("contents.find { it.id == '" + data.pantry + "' }.contacts.name"))
                .containsExactly("Intake desk");
    }

    @Test
    void searchMatchesNameDescriptionAlternateNameAndOrganizationName() {
        assertThat(ids(ok(
                        anonymous().queryParam("search", "pantries").queryParam("organization_id", data.orgA),
                        "/hsds/services")))
                .containsExactly(data.pantry); // stemmed: pantries finds Pantry
        assertThat(ids(ok(
                        anonymous().queryParam("search", "groceries families").queryParam("organization_id", data.orgA),
                        "/hsds/services")))
                .containsExactly(data.pantry); // description, all words
        assertThat(ids(ok(
                        anonymous().queryParam("search", "advocacy").queryParam("organization_id", data.orgA),
                        "/hsds/services")))
                .containsExactly(data.clinic); // alternate_name
        assertThat(ids(ok(anonymous().queryParam("search", data.orgBWord), "/hsds/services")))
                .containsExactlyInAnyOrder(data.mobile, data.elsewhere, data.bare); // organization name
        assertThat(ids(ok(anonymous().queryParam("search", data.orgBWord), "/hsds/organizations")))
                .containsExactly(data.orgB);
    }

    @Test
    void taxonomyFiltersFollowAttributesAndCombineWithOtherFilters() {
        assertThat(ids(ok(anonymous().queryParam("taxonomy_term_id", data.food), "/hsds/services")))
                .containsExactly(data.mobile);
        assertThat(ids(ok(anonymous().queryParam("taxonomy_id", data.taxonomy), "/hsds/services")))
                .containsExactly(data.pantry, data.mobile);
        assertThat(ids(ok(
                        anonymous().queryParam("taxonomy_id", data.taxonomy).queryParam("organization_id", data.orgA),
                        "/hsds/services")))
                .containsExactly(data.pantry); // AND
        assertThat(ids(ok(
                        anonymous().queryParam("taxonomy_term_id", data.food).queryParam("organization_id", data.orgA),
                        "/hsds/services")))
                .isEmpty();
        // organizations: tagged themselves or through a service
        assertThat(ids(ok(anonymous().queryParam("taxonomy_term_id", data.pantryTerm), "/hsds/organizations")))
                .containsExactly(data.orgA);
        assertThat(ids(ok(anonymous().queryParam("taxonomy_id", data.taxonomy), "/hsds/organizations")))
                .containsExactly(data.orgA, data.orgB);
        assertThat(ids(ok(anonymous().queryParam("taxonomy_term_id", data.orgTerm), "/hsds/organizations")))
                .containsExactly(data.orgB);
        // service_at_locations: through their service
        assertThat(ids(ok(anonymous().queryParam("taxonomy_term_id", data.pantryTerm), "/hsds/service_at_locations")))
                .containsExactly(data.pantrySal);
    }

    @Test
    void modifiedAfterIsInclusive() {
        assertThat(ids(ok(
                        anonymous()
                                .queryParam("organization_id", data.orgA)
                                .queryParam("modified_after", "2021-06-01T12:30:00.123Z"),
                        "/hsds/services")))
                .containsExactly(data.pantry);
        assertThat(ids(ok(
                        anonymous()
                                .queryParam("organization_id", data.orgA)
                                .queryParam("modified_after", "2021-06-01T13:30:00.124+01:00"),
                        "/hsds/services")))
                .isEmpty();
        assertThat(ids(ok(
                        anonymous().queryParam("organization_id", data.orgA).queryParam("modified_after", "2020-01-01"),
                        "/hsds/services")))
                .hasSize(3);
        assertThat(ids(ok(
                        anonymous()
                                .queryParam("organization_id", data.orgA)
                                .queryParam("modified_after", "2021-01-01T00:00:00Z"),
                        "/hsds/service_at_locations")))
                .containsExactly(data.pantrySal);
    }

    // ------------------------------------------------------------------ place

    @Test
    void proximityListsNearestFirstAndLeavesOutServicesThatDoNotCoverThePostcode() {
        JsonPath near =
                ok(anonymous().queryParam("postcode", data.near).queryParam("proximity", 10_000), "/hsds/services");
        // clinic 0.5 km, pantry 1 km, shelter 3 km (its area covers the postcode); mobile is 50 km away and
        // "elsewhere" is 2 km away but its service area does not cover the postcode
        assertThat(ids(near)).containsExactly(data.clinic, data.pantry, data.shelter);
        List<Float> distances = near.getList("contents.distance", Float.class);
        assertThat(distances.get(0)).isBetween(450f, 550f);
        assertThat(distances.get(1)).isBetween(950f, 1050f);
        assertThat(distances.get(2)).isBetween(2900f, 3100f);

        assertThat(ids(ok(
                        anonymous().queryParam("postcode", data.near).queryParam("proximity", 800), "/hsds/services")))
                .containsExactly(data.clinic);
        assertThat(ids(ok(
                        anonymous()
                                .queryParam("postcode", data.near.toLowerCase())
                                .queryParam("proximity", 100_000),
                        "/hsds/services")))
                .containsExactly(data.clinic, data.pantry, data.shelter, data.mobile);
        // combined with other filters
        assertThat(ids(ok(
                        anonymous()
                                .queryParam("postcode", data.near)
                                .queryParam("proximity", 10_000)
                                .queryParam("search", "shelter"),
                        "/hsds/services")))
                .containsExactly(data.shelter);
    }

    @Test
    void postcodeAloneListsServicesCoveringIt() {
        // shelter: its service area covers the postcode; pantry: no service area, a location in the postcode.
        // elsewhere has a location in the postcode too, but its service area covers another one.
        assertThat(ids(ok(anonymous().queryParam("postcode", data.near), "/hsds/services")))
                .containsExactly(data.pantry, data.shelter);
        assertThat(ids(ok(anonymous().queryParam("postcode", data.far), "/hsds/services")))
                .containsExactly(data.clinic, data.elsewhere);
    }

    @Test
    void serviceAtLocationsByPlace() {
        JsonPath near = ok(
                anonymous().queryParam("postcode", data.near).queryParam("proximity", 10_000),
                "/hsds/service_at_locations");
        assertThat(ids(near)).containsExactly(data.clinicSal, data.pantrySal, data.shelterSal);
        assertThat(near.getList("contents.distance", Float.class).get(0)).isBetween(450f, 550f);
        assertThat(ids(ok(anonymous().queryParam("postcode", data.near), "/hsds/service_at_locations")))
                .containsExactly(data.pantrySal, data.shelterSal);
    }

    // ------------------------------------------------------------------ single objects

    @Test
    void aServiceIsFullyNestedAndValidHsds() {
        String body = anonymous()
                .get("/hsds/services/" + data.pantry)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HsdsSchemas.assertValid("service", body);
        JsonPath service = JsonPath.from(body);
        assertThat(service.getString("organization.id")).isEqualTo(data.orgA);
        assertThat(service.getList("organization.funding.source")).containsExactly("County grant");
        assertThat(service.getString("service_at_locations[0].id")).isEqualTo(data.pantrySal);
        assertThat(service.getString("service_at_locations[0].location.addresses[0].postal_code"))
                .isEqualTo(data.near);
        assertThat(service.getString("service_at_locations[0].location.location_type"))
                .isEqualTo("physical");
        assertThat(service.getString("phones[0].number")).isEqualTo("555-0100");
        assertThat(service.getString("phones[0].languages[0].code")).isEqualTo("es");
        assertThat(service.getString("languages[0].code")).isEqualTo("es");
        assertThat(service.getString("schedules[0].freq")).isEqualTo("WEEKLY");
        assertThat(service.getList("service_areas")).isEmpty();
        assertThat(service.getInt("capacities[0].available")).isEqualTo(7); // 10 reported, 3 held
        assertThat(service.getInt("capacities[0].maximum")).isEqualTo(20);
        assertThat(service.getString("capacities[0].unit.name")).isEqualTo("bed");
        assertThat(service.getString("capacities[0].updated")).isEqualTo("2026-11-01T08:00:00.000Z");
        assertThat(service.getString("attributes[0].taxonomy_term.id")).isEqualTo(data.pantryTerm);
        assertThat(service.getList("contacts.name")).containsExactly("Intake desk");

        String shelter = anonymous()
                .get("/hsds/services/" + data.shelter)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HsdsSchemas.assertValid("service", shelter);
        assertThat(JsonPath.from(shelter).getString("service_areas[0].extent")).isEqualTo(data.near);
    }

    @Test
    void aServiceWithoutLocationsHasEmptyArrays() {
        String body = anonymous()
                .get("/hsds/services/" + data.bare)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HsdsSchemas.assertValid("service", body);
        JsonPath service = JsonPath.from(body);
        assertThat(service.getString("organization.id")).isEqualTo(data.orgB);
        for (String array : List.of(
                "service_at_locations",
                "phones",
                "schedules",
                "service_areas",
                "languages",
                "capacities",
                "attributes")) {
            assertThat(service.getList(array)).as(array).isEmpty();
        }
    }

    @Test
    void anOrganizationHasItsServicesAndIsValidHsds() {
        String body = anonymous()
                .get("/hsds/organizations/" + data.orgA)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HsdsSchemas.assertValid("organization", body);
        JsonPath organization = JsonPath.from(body);
        assertThat(organization.getList("services.id")).containsExactly(data.pantry, data.clinic, data.shelter);
        assertThat(organization.getList("locations.id")).hasSize(3);
        assertThat(organization.getList("services[0].service_at_locations")).isNull(); // one-to-one fields only

        JsonPath fullServices = ok(anonymous().queryParam("full_service", true), "/hsds/organizations/" + data.orgA);
        assertThat(fullServices.getString("services[0].service_at_locations[0].id"))
                .isEqualTo(data.pantrySal);

        JsonPath list = ok(anonymous().queryParam("search", data.orgBWord), "/hsds/organizations");
        assertThat(list.getMap("contents[0]")).doesNotContainKeys("services", "phones", "funding");
        JsonPath full =
                ok(anonymous().queryParam("search", data.orgBWord).queryParam("full", true), "/hsds/organizations");
        assertThat(full.getList("contents[0].services.id")).containsExactly(data.mobile, data.elsewhere, data.bare);
        assertThat(full.getList("contents[0].attributes.taxonomy_term_id")).containsExactly(data.orgTerm);
    }

    @Test
    void serviceAtLocationNestsItsLocation() {
        String body = anonymous()
                .get("/hsds/service_at_locations/" + data.pantrySal)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HsdsSchemas.assertValid("service_at_location", body);
        JsonPath sal = JsonPath.from(body);
        assertThat(sal.getString("service_id")).isEqualTo(data.pantry);
        assertThat(sal.getString("location.addresses[0].postal_code")).isEqualTo(data.near);

        JsonPath brief = ok(anonymous().queryParam("organization_id", data.orgA), "/hsds/service_at_locations");
        assertThat(ids(brief)).containsExactly(data.pantrySal, data.clinicSal, data.shelterSal); // by id
        assertThat(brief.getMap("contents[0]")).doesNotContainKey("location");
        JsonPath full = ok(
                anonymous().queryParam("organization_id", data.orgA).queryParam("full", true),
                "/hsds/service_at_locations");
        assertThat(full.getString("contents[0].location.id")).isNotNull();
    }

    // ------------------------------------------------------------------ taxonomies

    @Test
    void taxonomiesAndTerms() {
        assertThat(ids(ok(anonymous().queryParam("search", data.taxonomyWord), "/hsds/taxonomies")))
                .containsExactly(data.taxonomy);
        String careLoop = anonymous()
                .get("/hsds/taxonomies/c0a1e000-0000-4000-8000-000000000001")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HsdsSchemas.assertValid("taxonomy", careLoop);

        assertThat(ids(ok(anonymous().queryParam("taxonomy_id", data.taxonomy), "/hsds/taxonomy_terms")))
                .containsExactlyInAnyOrder(data.food, data.pantryTerm, data.orgTerm);
        assertThat(ids(ok(
                        anonymous().queryParam("taxonomy_id", data.taxonomy).queryParam("top_only", true),
                        "/hsds/taxonomy_terms")))
                .containsExactlyInAnyOrder(data.food, data.orgTerm);
        assertThat(ids(ok(anonymous().queryParam("parent_id", data.food), "/hsds/taxonomy_terms")))
                .containsExactly(data.pantryTerm);
        assertThat(ids(ok(
                        anonymous()
                                .queryParam("taxonomy_id", "c0a1e000-0000-4000-8000-000000000001")
                                .queryParam("search", "food insecurity"),
                        "/hsds/taxonomy_terms")))
                .hasSize(1);

        String term = anonymous()
                .get("/hsds/taxonomy_terms/" + data.pantryTerm)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HsdsSchemas.assertValid("taxonomy_term", term);
        assertThat(JsonPath.from(term).getString("taxonomy_detail.id")).isEqualTo(data.taxonomy);
        assertThat(JsonPath.from(term).getString("parent_id")).isEqualTo(data.food);
    }

    // ------------------------------------------------------------------ rate limit

    @Test
    void aClientBeyondItsBucketGets429WithRetryAfter() {
        String client = "192.0.2." + ThreadLocalRandom.current().nextInt(1, 255) + "-" + UUID.randomUUID();
        int burst = 1000; // %test bucket; refills at 60 a minute
        Response refused = null;
        for (int i = 0; i < burst + 100 && refused == null; i++) {
            Response response =
                    given().header("X-Forwarded-For", "203.0.113.9, " + client).get("/hsds/");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(i).as("requests before the first 429").isLessThan(burst + 100);
            }
        }
        assertThat(refused).as("a 429 after the burst").isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("*");
        // another client is not affected
        anonymous().get("/hsds/").then().statusCode(200);
    }
}
