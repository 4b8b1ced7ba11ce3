package org.careloop.screening.screening.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.PATH;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.PROBLEM_JSON;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.answer;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.as;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.execute;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.newPatientId;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.screening;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.CareLoopTestInfrastructure;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/** Screenings through the API against real PostgreSQL, Kafka and Keycloak: recording, publishing, reading, access. */
@QuarkusTest
@QuarkusTestResource(CareLoopTestInfrastructure.class)
class ScreeningResourceTests {

    @jakarta.inject.Inject
    org.careloop.screening.person.PersonRefs refs;

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aClinicianRecordsAScreeningAndItsEventReachesKafka() throws IOException {
        String patient = newPatientId();
        JsonPath created = as("clinician")
                .body(screening(
                        patient,
                        true,
                        answer("71802-3", "LA31994-9"),
                        answer("96778-6", "LA28580-1", "LA31996-4"),
                        answer("88122-7", "LA28397-0"),
                        answer("88123-5", "LA6729-3"),
                        answer("93030-5", "LA32-8"),
                        answer("96779-4", "LA32002-0"),
                        answer("95618-5", "LA6482-9"),
                        answer("95617-7", "LA10082-8"),
                        answer("95616-9", "LA10066-1"),
                        answer("95615-1", "LA6270-8")))
                .post(PATH)
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("patientId")).isEqualTo(patient);
        assertThat(created.getString("requesterOrganizationId")).isEqualTo("org-eastside-clinic");
        assertThat(created.getString("instrument")).isEqualTo("AHC-HRSN");
        assertThat(created.getString("instrumentVersion")).isEqualTo("2018-core");
        assertThat(created.getString("completedAt")).isNotBlank();
        assertThat(created.getBoolean("consent.shareWithCommunityOrganizations"))
                .isTrue();
        assertThat(created.getString("consent.recordedBy")).isEqualTo("clinician");
        assertThat(created.getString("consent.recordedAt")).isEqualTo(created.getString("completedAt"));
        assertThat(created.getList("answers.question")).hasSize(10).startsWith("71802-3", "96778-6");
        assertThat(created.getList("answers[1].answers", String.class)).containsExactly("LA28580-1", "LA31996-4");
        assertThat(created.getList("needs.category", String.class))
                .containsExactly(
                        "housing-instability",
                        "inadequate-housing",
                        "food-insecurity",
                        "utility-insecurity",
                        "sdoh-category-unspecified");
        assertThat(created.getList("needs[2].evidence", String.class)).containsExactly("88122-7", "88123-5");
        assertThat(created.getList("needs[4].evidence", String.class))
                .containsExactly("95618-5", "95617-7", "95616-9", "95615-1");

        var record = KafkaEvents.await(Topics.SCREENING_COMPLETED, r -> id.equals(r.key()), WAIT);
        assertThat(UUID.fromString(record.header("ce_id"))).isNotNull();
        assertThat(record.header("ce_type")).isEqualTo(EventTypes.SCREENING_COMPLETED);
        assertThat(record.header("ce_source")).isEqualTo("/careloop/screening-service");
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(record.header("ce_subject")).isEqualTo(id);

        JsonNode data = JSON.readTree(record.value());
        EventSchemas.assertValid(EventTypes.SCREENING_COMPLETED, data);
        assertThat(data.get("screeningId").asText()).isEqualTo(id);
        // The person travels under their pseudonymous reference, never the clinic's identifier.
        assertThat(data.get("patientId").asText())
                .isEqualTo(created.getString("personRef"))
                .isEqualTo(refs.of("org-eastside-clinic", patient))
                .matches("p1-[A-Za-z0-9_-]{43}");
        assertThat(record.value()).doesNotContain(patient);
        assertThat(data.get("requesterOrganizationId").asText()).isEqualTo("org-eastside-clinic");
        assertThat(data.get("instrumentVersion").asText()).isEqualTo("2018-core");
        assertThat(data.get("consentToShare").asBoolean()).isTrue();
        assertThat(data.get("needs").findValuesAsText("needId")).isEqualTo(created.getList("needs.id", String.class));
        assertThat(data.get("needs").findValuesAsText("category")).isEqualTo(created.getList("needs.category"));
        assertThat(data.get("needs").get(2).get("evidence").toString()).isEqualTo("[\"88122-7\",\"88123-5\"]");
        // Ids and codes only: no names, contact details, answers or who recorded the consent.
        assertThat(fieldNames(data))
                .noneMatch(n -> n.matches("(?i).*(name|birth|address|phone|email|answer|recordedBy).*"));
        assertThat(record.value()).doesNotContain("clinician");
    }

    @Test
    void aScreeningWithoutNeedsOrConsentIsStillRecordedAndPublished() throws IOException {
        String id = as("clinician")
                .body(screening(newPatientId(), false, answer("93030-5", "LA32-8"), answer("96778-6", "LA9-3")))
                .post(PATH)
                .then()
                .statusCode(201)
                .body("needs.size()", equalTo(0))
                .body("consent.shareWithCommunityOrganizations", equalTo(false))
                .extract()
                .path("id");

        var record = KafkaEvents.await(Topics.SCREENING_COMPLETED, r -> id.equals(r.key()), WAIT);
        JsonNode data = JSON.readTree(record.value());
        EventSchemas.assertValid(EventTypes.SCREENING_COMPLETED, data);
        assertThat(data.get("consentToShare").asBoolean()).isFalse();
        assertThat(data.get("needs")).isEmpty();
    }

    @Test
    void theCreatedScreeningIsReadBackByItsOrganizationAndByCoordinators() {
        var response = as("clinician")
                .header("Host", "attacker.example")
                .body(screening(newPatientId(), true, answer("88122-7", "LA6729-3")))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract();
        String id = response.path("id");
        String location = response.header("Location");
        // The configured public base URL, not the Host header the client sent.
        assertThat(location).isEqualTo("https://screening.careloop.test" + PATH + "/" + id);
        Map<String, Object> created = response.jsonPath().getMap("$");

        Map<String, Object> read = as("clinician")
                .get(PATH + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
        assertThat(read).isEqualTo(created);

        as("coordinator").get(PATH + "/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aClinicCannotSeeAnotherOrganizationsScreening() {
        String patient = newPatientId();
        UUID foreign = UUID.randomUUID();
        execute("insert into screening (id, patient_id, requester_organization_id, instrument, instrument_version,"
                + " completed_at) values ('" + foreign + "', '" + patient + "', 'org-westside-clinic', 'AHC-HRSN',"
                + " '2018-core', now())");
        execute("insert into consent (screening_id, share_with_community_organizations, recorded_at, recorded_by)"
                + " values ('" + foreign + "', true, now(), 'someone-else')");

        as("clinician")
                .get(PATH + "/" + foreign)
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404));
        as("clinician")
                .queryParam("patientId", patient)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
        as("coordinator")
                .get(PATH + "/" + foreign)
                .then()
                .statusCode(200)
                .body("requesterOrganizationId", equalTo("org-westside-clinic"))
                .body("answers.size()", equalTo(0));
        // Only a clinic filters by its own identifier; others use the person reference.
        as("coordinator")
                .queryParam("patientId", patient)
                .get(PATH)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("patientId"));
        // A screening of an earlier version is pseudonymised in the background: its identifier moves into the
        // person's encrypted details and the screening keeps the reference only.
        String ref = refs.of("org-westside-clinic", patient);
        await().atMost(WAIT).untilAsserted(() -> as("coordinator")
                .queryParam("personRef", ref)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].personRef", equalTo(ref))
                .body("items[0].patientId", equalTo(null)));
    }

    @Test
    void anUnknownIdIsANotFoundProblem() {
        as("coordinator")
                .get(PATH + "/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("title", equalTo("Not found"));
        // A malformed id is the client's mistake, named as such (not a 404).
        as("coordinator")
                .get(PATH + "/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("id"));
    }

    @Test
    void communityStaffAndCoordinatorsMayNotSubmitAndCommunityStaffMayNotRead() {
        var body = screening(newPatientId(), true, answer("93030-5", "LA33-6"));
        as("foodbank-staff")
                .body(body)
                .post(PATH)
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403));
        as("coordinator").body(body).post(PATH).then().statusCode(403).contentType(PROBLEM_JSON);
        as("foodbank-staff").get(PATH).then().statusCode(403).contentType(PROBLEM_JSON);
        as("foodbank-staff")
                .get(PATH + "/" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().contentType(ContentType.JSON)
                .body(screening(newPatientId(), true, answer("93030-5", "LA33-6")))
                .post(PATH)
                .then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(401));
        given().get(PATH).then().statusCode(401).contentType(PROBLEM_JSON);
        given().get(PATH + "/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void listsArePagedNewestFirstAndFilteredByPatient() {
        String patient = newPatientId();
        List<String> ids = new ArrayList<>();
        for (String transport : List.of("LA33-6", "LA32-8", "LA33-6")) {
            ids.add(as("clinician")
                    .body(screening(patient, true, answer("93030-5", transport)))
                    .post(PATH)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }

        JsonPath first = as("clinician")
                .queryParam("patientId", patient)
                .queryParam("size", 2)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2))
                .extract()
                .jsonPath();
        JsonPath second = as("clinician")
                .queryParam("patientId", patient)
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> listed = new ArrayList<>(first.getList("items.id", String.class));
        listed.addAll(second.getList("items.id", String.class));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(first.getList("items.patientId", String.class)).containsOnly(patient);
        assertThat(first.getList("items.completedAt", String.class))
                .isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));
        assertThat(first.getList("items[0].answers", Map.class)).hasSize(1);
        assertThat(first.getString("items[0].consent.recordedBy")).isEqualTo("clinician");

        // Coordinators see the person reference, never the clinic's identifier.
        as("coordinator")
                .queryParam("personRef", refs.of("org-eastside-clinic", patient))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.size()", equalTo(3))
                .body("items.patientId", everyItem(equalTo(null)));
        as("coordinator").get(PATH).then().statusCode(200).body("items.id", hasItem(ids.getFirst()));
    }

    @Test
    void badListParametersAreProblems() {
        as("clinician")
                .queryParam("size", 500)
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("size"));
        as("clinician")
                .queryParam("patientId", "has spaces")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("patientId"));
    }

    @Test
    void completedScreeningsAndIdentifiedNeedsAreCounted() {
        as("clinician")
                .body(screening(newPatientId(), true, answer("96779-4", "LA33-6")))
                .post(PATH)
                .then()
                .statusCode(201);
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("careloop_screenings_completed_total\\{[^}]*instrument=\"AHC-HRSN\"[^}]*} [1-9]")
                .containsPattern("careloop_needs_identified_total\\{[^}]*category=\"utility-insecurity\"[^}]*} [1-9]");
    }

    @Test
    void healthAndApiDocsArePublic() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/screenings"))
                .body("info.title", endsWith("Screening API"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        node.forEach(child -> names.addAll(fieldNames(child)));
        return names;
    }
}
