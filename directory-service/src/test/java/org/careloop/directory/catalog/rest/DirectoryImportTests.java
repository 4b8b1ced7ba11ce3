package org.careloop.directory.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.capacityEventsWritten;
import static org.careloop.directory.TestDirectory.demoBundle;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.unique;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.careloop.directory.Events;
import org.careloop.testing.CareLoopTestInfrastructure;
import org.junit.jupiter.api.Test;

/** Import, listing and reading of the directory. Categories of this class: digital-literacy, language-access, employment-status. */
@QuarkusTest
@QuarkusTestResource(CareLoopTestInfrastructure.class)
class DirectoryImportTests {

    @Inject
    Pool database;

    private static String bundle(String org, String classes, String jobs) {
        return """
                {"organizations": [{
                  "id": "%s", "name": "Eastside Learning Center", "description": "Adult education and job readiness.",
                  "email": "info@eastside-learning.example.org", "website": "https://eastside-learning.example.org",
                  "services": [
                    {"id": "%s", "name": "Evening Computer Classes", "description": "Basic computer and English classes.",
                     "status": "active", "categories": ["language-access", "digital-literacy"],
                     "eligibility_description": "Adults in the county", "minimum_age": 18, "maximum_age": null,
                     "assured_date": "2026-03-01", "capacity": {"unit": "seat", "available": 7, "maximum": 12}},
                    {"id": "%s", "name": "Job Club", "status": "temporarily closed", "categories": ["employment-status"]}
                  ]}]}
                """.formatted(org, classes, jobs);
    }

    private static JsonPath service(String id) {
        return as("clinician")
                .get("/api/v1/services/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String serviceJson(String id) {
        return as("clinician")
                .get("/api/v1/services/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static JsonPath organization(String id) {
        return as("clinician")
                .get("/api/v1/organizations/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void importsThenListsAndReadsOrganizationsAndServices() {
        String org = unique("org-learn");
        String classes = unique("svc-classes");
        String jobs = unique("svc-jobs");

        as("coordinator")
                .contentType(ContentType.JSON)
                .body(bundle(org, classes, jobs))
                .post("/api/v1/directory/import")
                .then()
                .statusCode(200)
                .body("organizations", equalTo(1))
                .body("services", equalTo(2));

        JsonPath organization = organization(org);
        assertThat(organization.getString("name")).isEqualTo("Eastside Learning Center");
        assertThat(organization.getString("email")).isEqualTo("info@eastside-learning.example.org");
        assertThat(organization.getString("last_modified")).isNotBlank();
        assertThat(organization.getList("services.id")).containsExactly(classes, jobs);

        JsonPath service = service(classes);
        assertThat(service.getString("organization_id")).isEqualTo(org);
        assertThat(service.getString("status")).isEqualTo("active");
        assertThat(service.getList("categories")).containsExactly("digital-literacy", "language-access");
        assertThat(service.getString("eligibility_description")).isEqualTo("Adults in the county");
        assertThat(service.getInt("minimum_age")).isEqualTo(18);
        assertThat((Object) service.get("maximum_age")).isNull();
        assertThat(service.getString("assured_date")).isEqualTo("2026-03-01");
        assertThat(service.getString("capacity.unit")).isEqualTo("seat");
        assertThat(service.getInt("capacity.available")).isEqualTo(7);
        assertThat(service.getInt("capacity.maximum")).isEqualTo(12);
        assertThat(service.getString("capacity.updated")).isNotBlank();

        JsonPath closed = service(jobs);
        assertThat(closed.getString("status")).isEqualTo("temporarily closed");
        assertThat((Object) closed.get("capacity")).isNull();

        JsonPath page = as("foodbank-staff")
                .queryParam("size", 200)
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.id")).contains(org);
        assertThat(page.getLong("totalItems")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void listsServicesByCategoryAndOrganizationPageByPage() {
        String org = unique("org-learn");
        String classes = unique("svc-classes");
        String jobs = unique("svc-jobs");
        importBundle(bundle(org, classes, jobs));

        JsonPath ofOrg = as("clinician")
                .queryParam("organization_id", org)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ofOrg.getList("items.id")).containsExactly(classes, jobs);
        assertThat(ofOrg.getLong("totalItems")).isEqualTo(2);

        JsonPath employment = as("clinician")
                .queryParam("organization_id", org)
                .queryParam("category", "employment-status")
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(employment.getList("items.id")).containsExactly(jobs);

        JsonPath firstPage = as("clinician")
                .queryParam("organization_id", org)
                .queryParam("size", 1)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(firstPage.getList("items.id")).containsExactly(classes);
        assertThat(firstPage.getInt("totalPages")).isEqualTo(2);

        JsonPath secondPage = as("clinician")
                .queryParam("organization_id", org)
                .queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/v1/services")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(secondPage.getList("items.id")).containsExactly(jobs);
    }

    @Test
    void importingTheSameBundleAgainChangesNothing() {
        String org = unique("org-learn");
        String classes = unique("svc-classes");
        String jobs = unique("svc-jobs");
        importBundle(bundle(org, classes, jobs));
        String before = serviceJson(classes);
        String organizationModified = organization(org).getString("last_modified");

        importBundle(bundle(org, classes, jobs));

        // Same content, same last_modified and capacity.updated: nothing was rewritten, nothing published again.
        assertThat(serviceJson(classes)).isEqualTo(before);
        assertThat(capacityEventsWritten(database, classes)).isEqualTo(1);
        assertThat(capacityEventsWritten(database, jobs)).isEqualTo(1);
        assertThat(organization(org).getString("last_modified")).isEqualTo(organizationModified);
        assertThat(as("clinician")
                        .queryParam("organization_id", org)
                        .get("/api/v1/services")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getLong("totalItems"))
                .isEqualTo(2);
    }

    @Test
    void concurrentImportsOfNewDataGetTheDocumented409NeverA500() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 3; round++) {
                String raceOrg = unique("org-race");
                String classes = unique("svc-race");
                String jobs = unique("svc-race-jobs");
                String body = bundle(raceOrg, classes, jobs);
                String token = org.careloop.testing.Tokens.user("coordinator");
                List<java.util.concurrent.Future<io.restassured.response.Response>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(pool.submit(() -> io.restassured.RestAssured.given()
                            .auth()
                            .oauth2(token)
                            .contentType("application/json")
                            .body(body)
                            .post("/api/v1/directory/import")));
                }
                for (var call : calls) {
                    var response = call.get();
                    assertThat(response.statusCode()).as(response.asString()).isIn(200, 409);
                    if (response.statusCode() == 409) {
                        assertThat(response.contentType()).startsWith("application/problem+json");
                    }
                }
                // Whoever won, the data is there once.
                assertThat(organization(raceOrg).getString("id")).isEqualTo(raceOrg);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reimportReplacesCategoriesAndCapacityOfListedServices() {
        String org = unique("org-learn");
        String classes = unique("svc-classes");
        String jobs = unique("svc-jobs");
        importBundle(bundle(org, classes, jobs));

        importBundle("""
                {"organizations": [{
                  "id": "%s", "name": "Eastside Learning Center", "description": "Adult education and job readiness.",
                  "services": [
                    {"id": "%s", "name": "Evening Computer Classes", "status": "active", "categories": ["language-access"]},
                    {"id": "%s", "name": "Job Club", "status": "active", "categories": ["employment-status", "digital-literacy"],
                     "capacity": {"unit": "member", "available": 3}}
                  ]}]}
                """.formatted(org, classes, jobs));

        JsonPath changedClasses = service(classes);
        assertThat(changedClasses.getList("categories")).containsExactly("language-access");
        assertThat((Object) changedClasses.get("capacity")).isNull();
        assertThat((Object) changedClasses.get("eligibility_description")).isNull();
        JsonPath changedJobs = service(jobs);
        assertThat(changedJobs.getString("status")).isEqualTo("active");
        assertThat(changedJobs.getList("categories")).containsExactly("digital-literacy", "employment-status");
        assertThat(changedJobs.getString("capacity.unit")).isEqualTo("member");
        assertThat(changedJobs.getInt("capacity.available")).isEqualTo(3);
        assertThat((Object) changedJobs.get("capacity.maximum")).isNull();
        JsonPath organization = organization(org);
        assertThat((Object) organization.get("email")).isNull();

        // Both services' availability changed: published, version 2, valid against the contract.
        await().atMost(Events.WAIT)
                .untilAsserted(() -> assertThat(Events.capacityChanges(jobs)).hasSize(2));
        JsonNode opened = Events.capacityChanges(jobs).getLast();
        assertThat(opened.get("cause").asText()).isEqualTo("import");
        assertThat(opened.get("version").asLong()).isEqualTo(2);
        assertThat(opened.get("serviceStatus").asText()).isEqualTo("active");
        assertThat(opened.get("available").asInt()).isEqualTo(3);
        assertThat(opened.get("categories"))
                .extracting(JsonNode::asText)
                .containsExactly("digital-literacy", "employment-status");
        await().atMost(Events.WAIT)
                .untilAsserted(() -> assertThat(Events.capacityChanges(classes)).hasSize(2));
        JsonNode closed = Events.capacityChanges(classes).getLast();
        assertThat(closed.get("available").isNull()).isTrue();
        assertThat(closed.get("unit").isNull()).isTrue();
        assertThat(closed.get("categories")).extracting(JsonNode::asText).containsExactly("language-access");
    }

    @Test
    void rejectsAnInvalidBundleNamingEveryFieldAndWritesNothing() {
        String validOrg = unique("org-valid");
        String validService = unique("svc-valid");
        String body = """
                {"organizations": [
                  {"id": "%s", "name": "Valid", "description": "Fine.",
                   "services": [{"id": "%s", "name": "Fine", "status": "active", "categories": ["digital-literacy"]}]},
                  {"id": "Bad_Id", "name": "", "description": "x", "email": "not-an-email", "website": "ftp://x",
                   "services": [
                     {"id": "svc-bad-1", "name": "S", "status": "open", "categories": ["digital-literacy"],
                      "minimum_age": -1, "capacity": {"unit": "seat", "available": -1}},
                     {"id": "svc-bad-2", "name": "S", "status": "active", "categories": ["interpersonal-safety"],
                      "minimum_age": 30, "maximum_age": 20, "capacity": {"unit": "seat", "available": 5, "maximum": 2}}
                   ]}
                ]}
                """.formatted(validOrg, validService);

        JsonPath problem = as("coordinator")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/directory/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();

        assertThat(problem.getInt("status")).isEqualTo(400);
        List<Map<String, String>> errors = problem.getList("errors");
        assertThat(errors)
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder(
                        "organizations[1].id",
                        "organizations[1].name",
                        "organizations[1].email",
                        "organizations[1].website",
                        "organizations[1].services[0].status",
                        "organizations[1].services[0].minimum_age",
                        "organizations[1].services[0].capacity.available",
                        "organizations[1].services[1].categories[0]",
                        "organizations[1].services[1].maximum_age",
                        "organizations[1].services[1].capacity.maximum");
        as("clinician").get("/api/v1/organizations/{id}", validOrg).then().statusCode(404);
        as("clinician").get("/api/v1/services/{id}", validService).then().statusCode(404);
        assertThat(capacityEventsWritten(database, validService)).isZero();
    }

    @Test
    void rejectsDuplicateIdsAndWritesNothing() {
        String org = unique("org-dup");
        String service = unique("svc-dup");
        String body = """
                {"organizations": [{"id": "%s", "name": "Dup", "description": "Twice listed.",
                  "services": [
                    {"id": "%s", "name": "One", "status": "active", "categories": ["digital-literacy"]},
                    {"id": "%s", "name": "Two", "status": "active", "categories": ["digital-literacy"]}
                  ]}]}
                """.formatted(org, service, service);

        JsonPath problem = as("coordinator")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/directory/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("organizations[0].services[1].id");
        as("clinician").get("/api/v1/organizations/{id}", org).then().statusCode(404);
    }

    @Test
    void rejectsMalformedBodies() {
        as("coordinator")
                .contentType(ContentType.JSON)
                .body("{\"organizations\": [")
                .post("/api/v1/directory/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("coordinator")
                .contentType(ContentType.JSON)
                .body("{\"organizations\": [{\"id\": \"org-x\", \"services\": [{\"minimum_age\": \"old\"}]}]}")
                .post("/api/v1/directory/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("coordinator")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/directory/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("organizations"));
    }

    @Test
    void onlyCoordinatorsImport() {
        String body = bundle(unique("org-learn"), unique("svc-classes"), unique("svc-jobs"));
        for (String user : List.of("clinician", "foodbank-staff", "operator", "integrator")) {
            as(user).contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/v1/directory/import")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/directory/import")
                .then()
                .statusCode(401);
    }

    @Test
    void readingNeedsATokenAndUnknownIdsAnswer404() {
        given().get("/api/v1/organizations").then().statusCode(401);
        given().get("/api/v1/services").then().statusCode(401);
        as("clinician")
                .get("/api/v1/organizations/{id}", "org-does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("clinician")
                .get("/api/v1/services/{id}", "svc-does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void rejectsUnknownCategoryFiltersAndBadPaging() {
        as("clinician")
                .queryParam("category", "interpersonal-safety")
                .get("/api/v1/services")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("category"));
        as("clinician")
                .queryParam("size", 0)
                .get("/api/v1/organizations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void importsTheDemoDirectory() {
        as("coordinator")
                .contentType(ContentType.JSON)
                .body(demoBundle())
                .post("/api/v1/directory/import")
                .then()
                .statusCode(200)
                .body("organizations", equalTo(10))
                .body("services", equalTo(12));

        assertThat(organization("org-foodbank").getString("name")).isEqualTo("Riverside Food Bank");
        assertThat(organization("org-housing").getList("services.id"))
                .containsExactly("svc-housing-healthy-homes", "svc-housing-stabilization");
        assertThat(service("svc-housing-stabilization").getList("categories"))
                .containsExactly("homelessness", "housing-instability");
        assertThat(service("svc-safe-harbor-advocacy").getList("categories"))
                .containsExactly("intimate-partner-violence", "sdoh-category-unspecified");
        // Other tests hold places at the demo's food services: the reported figures are what the import set.
        JsonPath northside = service("svc-northside-emergency-groceries");
        assertThat(northside.getInt("capacity.reported_available")).isEqualTo(12);
        assertThat(northside.getInt("capacity.maximum")).isEqualTo(15);
        assertThat(northside.getInt("capacity.available") + northside.getInt("capacity.held"))
                .isEqualTo(12);
    }
}
