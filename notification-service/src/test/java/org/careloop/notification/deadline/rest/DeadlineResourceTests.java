package org.careloop.notification.deadline.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.ReferralEvents;
import org.careloop.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The deadline API: roles, filtering, order, paging and problem responses. */
@QuarkusTest
class DeadlineResourceTests {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void listsOpenDeadlinesSoonestDueFirst() {
        UUID later = UUID.randomUUID();
        UUID sooner = UUID.randomUUID();
        UUID met = UUID.randomUUID();
        // A Tuesday: in business time the two requests stay an hour apart.
        Instant now = Instant.parse("2030-01-08T15:00:00Z");
        ReferralEvents.send(later, 1, "requested", now.minus(Duration.ofHours(1)));
        ReferralEvents.send(sooner, 1, "requested", now.minus(Duration.ofHours(2)));
        ReferralEvents.send(met, 1, "requested", now.minus(Duration.ofHours(3)));
        ReferralEvents.send(met, 2, "accepted", now.minus(Duration.ofMinutes(30)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> open = list("coordinator", "?state=OPEN&size=200")
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.referralId");
            assertThat(open).contains(later.toString(), sooner.toString()).doesNotContain(met.toString());
            assertThat(open.indexOf(sooner.toString())).isLessThan(open.indexOf(later.toString()));
        });

        List<String> dueTimes = list("operator", "?state=OPEN&size=200")
                .body("items.state", everyItem(equalTo("OPEN")))
                .extract()
                .jsonPath()
                .getList("items.dueAt");
        assertThat(dueTimes.stream().map(Instant::parse).toList()).isSorted();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> list("operator", "?state=MET&size=200")
                .statusCode(200)
                .body("items.referralId", hasItem(met.toString())));
        list("operator", "?size=200").body("items.referralId", hasItem(met.toString()));
    }

    @Test
    void pagesTheList() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        ReferralEvents.send(first, 1, "requested", Instant.now());
        ReferralEvents.send(second, 1, "requested", Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> list("operator", "?size=200")
                .body("items.referralId", hasItem(first.toString()))
                .body("items.referralId", hasItem(second.toString())));

        int total = list("operator", "?page=0&size=1")
                .body("items", hasSize(1))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("totalItems", greaterThanOrEqualTo(2))
                .extract()
                .path("totalItems");
        list("operator", "?page=1&size=1").body("items", hasSize(1)).body("totalPages", equalTo(total));
    }

    @Test
    void anInvalidStateIsAProblemNamingTheParameter() {
        given().auth()
                .oauth2(Tokens.user("operator"))
                .get("/api/v1/deadlines?state=LATE")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", startsWith("https://careloop.org/problems/"))
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void anInvalidPageSizeIsAProblem() {
        given().auth()
                .oauth2(Tokens.user("operator"))
                .get("/api/v1/deadlines?size=0")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void anUnknownReferralIsNotFound() {
        UUID unknown = UUID.randomUUID();
        given().auth()
                .oauth2(Tokens.user("coordinator"))
                .get("/api/v1/deadlines/{id}", unknown)
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("detail", containsString(unknown.toString()));
    }

    @Test
    void communityStaffAndCliniciansAreForbidden() {
        for (String user : List.of("foodbank-staff", "clinician", "integrator")) {
            given().auth()
                    .oauth2(Tokens.user(user))
                    .get("/api/v1/deadlines")
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM);
            given().auth()
                    .oauth2(Tokens.user(user))
                    .get("/api/v1/deadlines/{id}", UUID.randomUUID())
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().get("/api/v1/deadlines").then().statusCode(401);
        given().get("/api/v1/deadlines/{id}", UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/deadlines").then().statusCode(401);
    }

    @Test
    void healthAndApiDocsArePublic() {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept(ContentType.JSON)
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/deadlines/{referralId}"))
                .body("paths", hasKey("/api/v1/policies/organizations/{organizationId}"))
                .body("paths", hasKey("/api/v1/calendars/organizations/{organizationId}"))
                .body("paths", hasKey("/api/v1/referrals/{referralId}/chases"))
                .body("paths", hasKey("/api/v1/chases"));
    }

    private static ValidatableResponse list(String user, String query) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .get("/api/v1/deadlines" + query)
                .then()
                .statusCode(200);
    }
}
