package org.careloop.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The directory on Open Referral HSDS 3.1 across the real stack: a feed loads as it is (and again changes nothing), an
 * import never silently moves a service to another organization, anyone reads the directory through the public HSDS
 * API, and a screening is routed by the person's place, age and language: a teenager in Cambridge who speaks
 * Portuguese is referred to the youth service that covers Cambridge, and a teenager in Jamaica Plain, whom no housing
 * service covers at that age, waits in the coordinators' work queue with the directory's reasons.
 *
 * <p>The feed (src/test/resources/hsds/youth-harbor.json) lists services in housing-instability for ages 12 to 17
 * only; the demo services of that category accept adults only, so later tests are not affected.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryOnHsdsIT {

    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final String HOUSING_WORRIED = "[{\"question\":\"71802-3\",\"answers\":[\"LA31994-9\"]}]";
    private static final String CAMBRIDGE_SERVICE = "svc-youth-harbor-cambridge";

    private static Stack stack;
    private static Api api;
    private static String feed;
    private static Instant beforeImport;

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.shared();
        api = new Api(stack);
        try (var in = DirectoryOnHsdsIT.class.getResourceAsStream("/hsds/youth-harbor.json")) {
            feed = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(1)
    void anHsdsFeedLoadsAsItIsAndLoadingItAgainChangesNothing() {
        beforeImport = Instant.now().minusSeconds(1);
        JsonPath first =
                importFeed(feed, false).then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("counts.services.created")).isEqualTo(2);
        assertThat(first.getInt("counts.organizations.created")).isEqualTo(1);

        String modified = hsdsService(CAMBRIDGE_SERVICE).getString("last_modified");
        JsonPath again =
                importFeed(feed, false).then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("counts.services.unchanged")).isEqualTo(2);
        assertThat(again.getInt("counts.services.created") + again.getInt("counts.services.updated"))
                .isZero();
        assertThat(again.getInt("services_touched")).isZero();
        assertThat(hsdsService(CAMBRIDGE_SERVICE).getString("last_modified")).isEqualTo(modified);

        // The export of what changed since then gives the feed back, in HSDS.
        List<Map<String, Object>> exported = api.as("coordinator")
                .queryParam("format", "nested")
                .queryParam("since", beforeImport.toString())
                .get(Api.url(Stack.DIRECTORY_PORT, "/api/v1/directory/hsds/export"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(exported).extracting(o -> o.get("id")).containsExactly("org-youth-harbor");
    }

    @Test
    @Order(2)
    void anImportDoesNotSilentlyMoveAServiceToAnotherOrganization() {
        String moved = """
                [{"id": "org-housing", "name": "Housing Partners", "description": "A feed that claims another's service.",
                  "services": [{"id": "%s", "organization_id": "org-housing", "name": "Youth Harbor Cambridge",
                                "status": "active"}]}]
                """.formatted(CAMBRIDGE_SERVICE);
        importFeed(moved, false)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(CAMBRIDGE_SERVICE));
        assertThat(hsdsService(CAMBRIDGE_SERVICE).getString("organization_id")).isEqualTo("org-youth-harbor");
    }

    @Test
    @Order(3)
    void anyoneReadsTheDirectoryThroughTheHsdsApi() {
        given().get(Api.url(Stack.DIRECTORY_PORT, "/hsds/"))
                .then()
                .statusCode(200)
                .body("version", equalTo("3.1"));
        given().queryParam("per_page", 5)
                .get(Api.url(Stack.DIRECTORY_PORT, "/hsds/services"))
                .then()
                .statusCode(200)
                .body("total_items", greaterThanOrEqualTo(14))
                .body("size", equalTo(5))
                .body("page_number", equalTo(1))
                .body("first_page", equalTo(true))
                .body("$", hasKey("total_pages"))
                .body("$", hasKey("last_page"))
                .body("$", hasKey("empty"));
        JsonPath service = hsdsService(CAMBRIDGE_SERVICE);
        assertThat(service.getString("organization.id")).isEqualTo("org-youth-harbor");
        assertThat(service.getList("service_at_locations")).hasSize(1);
        assertThat(service.getList("languages.code")).contains("pt");
        given().queryParam("postcode", "02139")
                .queryParam("proximity", 3000)
                .get(Api.url(Stack.DIRECTORY_PORT, "/hsds/services"))
                .then()
                .statusCode(200)
                .body("contents.id", hasItem(CAMBRIDGE_SERVICE));
    }

    @Test
    @Order(4)
    void aTeenagerInCambridgeWhoSpeaksPortugueseIsReferredToTheYouthServiceThatCoversCambridge() {
        String screening = screenTeenager("02139", "pt-BR");
        Map<String, Object> referral = await().atMost(FLOW)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> api.referralsOf(screening), r -> !r.isEmpty())
                .get(0);
        assertThat(referral)
                .containsEntry("serviceId", CAMBRIDGE_SERVICE)
                .containsEntry("ownerOrganizationId", "org-youth-harbor")
                .containsEntry("category", "housing-instability");

        // The directory says why, the same way for anyone who asks.
        List<Map<String, Object>> matches = api.as("clinician")
                .queryParam("category", "housing-instability")
                .queryParam("postal_code", "02139")
                .queryParam("age_band", "0-17")
                .queryParam("language", "pt")
                .get(Api.url(Stack.DIRECTORY_PORT, "/api/v1/matches"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        assertThat(matches).extracting(m -> m.get("service_id")).containsExactly(CAMBRIDGE_SERVICE);
        assertThat((String) matches.get(0).get("reason"))
                .contains("serves 02139")
                .contains("km")
                .contains("speaks Portuguese");
    }

    @Test
    @Order(5)
    void aTeenagerNoHousingServiceCoversWaitsForACoordinatorWithTheReasons() {
        String screening = screenTeenager("02130", "en");
        Map<String, Object> queued = await().atMost(FLOW)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> api
                                .as("coordinator")
                                .queryParam("size", 200)
                                .get(Api.url(Stack.REFERRAL_PORT, "/api/v1/work-queue"))
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .<Map<String, Object>>getList("items")
                                .stream()
                                .filter(i -> screening.equals(i.get("screeningId")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(queued).containsEntry("category", "housing-instability").containsEntry("reason", "no-candidates");
        assertThat((String) queued.get("detail")).contains("out of area").contains("age 0-17");
        assertThat(api.referralsOf(screening)).isEmpty();
    }

    private static io.restassured.response.Response importFeed(String body, boolean allowMoves) {
        return api.as("coordinator")
                .queryParam("allow_moves", allowMoves)
                .contentType(ContentType.JSON)
                .body(body)
                .post(Api.url(Stack.DIRECTORY_PORT, "/api/v1/directory/hsds/import"));
    }

    private static JsonPath hsdsService(String id) {
        return given().get(Api.url(Stack.DIRECTORY_PORT, "/hsds/services/" + id))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A consented screening of a 15-year-old worried about losing their home, living at {@code postalCode}. */
    private static String screenTeenager(String postalCode, String language) {
        String body = """
                {"patientId": "systest-%s", "instrument": "AHC-HRSN", "answers": %s,
                 "consent": {"shareWithCommunityOrganizations": true},
                 "person": {"givenName": "Rui", "familyName": "Teste", "birthDate": "%s", "preferredLanguage": "%s",
                            "address": {"lines": ["1 Test St"], "city": "Cambridge", "state": "MA",
                                        "postalCode": "%s", "country": "US"}}}
                """.formatted(
                        UUID.randomUUID(),
                        HOUSING_WORRIED,
                        LocalDate.now().minusYears(15).minusDays(10),
                        language,
                        postalCode);
        return given().auth()
                .oauth2(api.clinicToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(Api.url(Stack.SCREENING_PORT, "/api/v1/screenings"))
                .then()
                .statusCode(201)
                .body("needs[0].category", equalTo("housing-instability"))
                .extract()
                .path("id");
    }
}
