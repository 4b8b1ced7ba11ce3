package org.careloop.directory.holds.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.directory.Events.WAIT;
import static org.careloop.directory.Events.referral;
import static org.careloop.directory.Events.sendReferral;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.demoBundle;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.unique;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may see a service's holds, and bad requests. Category of this class: personal-health-literacy. */
@QuarkusTest
class HoldResourceTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LITERACY = "personal-health-literacy";

    private String service;

    /** A service of the demo's org-foodbank (whose staff hold org_id org-foodbank) with two referrals on it. */
    @BeforeEach
    void importAFoodBankServiceWithHolds() throws Exception {
        service = unique("svc-foodbank-reading");
        ObjectNode demo = (ObjectNode) JSON.readTree(demoBundle());
        ObjectNode foodbank = null;
        for (var org : demo.withArray("organizations")) {
            if (org.get("id").asText().equals("org-foodbank")) {
                foodbank = (ObjectNode) org.deepCopy();
            }
        }
        assertThat(foodbank).isNotNull();
        ObjectNode added = foodbank.putArray("services").addObject();
        added.put("id", service).put("name", "Reading Help").put("status", "active");
        added.putArray("categories").add(LITERACY);
        added.putObject("capacity").put("unit", "client").put("available", 4);
        ObjectNode bundle = JSON.createObjectNode();
        bundle.putArray("organizations").add(foodbank);
        importBundle(JSON.writeValueAsString(bundle));

        UUID open = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        UUID endedNeed = UUID.randomUUID();
        sendReferral(referral(open, 1, "requested", null, UUID.randomUUID(), LITERACY, "org-foodbank", service));
        sendReferral(referral(ended, 1, "requested", null, endedNeed, LITERACY, "org-foodbank", service));
        sendReferral(referral(ended, 2, "rejected", "requested", endedNeed, LITERACY, "org-foodbank", service));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(list("coordinator", null).getList("items.state"))
                        .containsExactlyInAnyOrder("TENTATIVE", "RELEASED"));
    }

    private JsonPath list(String user, String state) {
        var request = as(user);
        if (state != null) {
            request = request.queryParam("state", state);
        }
        return request.get("/api/v1/services/{id}/holds", service)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void coordinatorsOperatorsAndTheOrganizationsStaffSeeTheHoldsByState() {
        for (String user : List.of("coordinator", "operator", "foodbank-staff")) {
            JsonPath page = list(user, null);
            assertThat(page.getLong("totalItems")).as(user).isEqualTo(2);
            assertThat(page.getList("items.service_id")).containsOnly(service);
        }
        JsonPath open = list("foodbank-staff", "TENTATIVE");
        assertThat(open.getList("items.state")).containsExactly("TENTATIVE");
        assertThat(open.getList("items.origin")).containsExactly("REFERRAL");
        JsonPath released = list("operator", "RELEASED");
        assertThat(released.getList("items.release_reason")).containsExactly("rejected");
        assertThat(released.getList("items.referral_status")).containsExactly("rejected");
    }

    @Test
    void otherOrganizationsAndRolesAreForbiddenAndAnonymousCallersUnauthorized() {
        for (String user : List.of("housing-staff", "clinician", "integrator")) {
            as(user).get("/api/v1/services/{id}/holds", service)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().get("/api/v1/services/{id}/holds", service).then().statusCode(401);
    }

    @Test
    void rejectsUnknownServicesStatesAndPaging() {
        as("coordinator")
                .get("/api/v1/services/{id}/holds", "svc-does-not-exist")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("coordinator")
                .queryParam("state", "OPEN")
                .get("/api/v1/services/{id}/holds", service)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
        as("coordinator")
                .queryParam("size", 0)
                .get("/api/v1/services/{id}/holds", service)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        as("coordinator")
                .queryParam("page", -1)
                .get("/api/v1/services/{id}/holds", service)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }
}
