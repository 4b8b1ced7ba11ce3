package org.careloop.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.testing.Tokens;

/** REST calls of the tests, as a demo user. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";
    public static final Duration WAIT = Duration.ofSeconds(30);

    private Api() {}

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    /** A new organization the directory knows: one of its services was published, and applied here. */
    public static String knownOrganization(String prefix) {
        String organizationId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        DirectoryEvents.send("svc-" + organizationId, organizationId, 1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> as("coordinator")
                .get("/api/v1/policies/organizations/{id}", organizationId)
                .then()
                .statusCode(200));
        return organizationId;
    }

    /** Sets an organization's policy of seconds (plain time). */
    public static void secondsPolicy(String organizationId, Map<String, Object> policy) {
        as("coordinator")
                .body(policy)
                .put("/api/v1/policies/organizations/{id}", organizationId)
                .then()
                .statusCode(200);
    }

    public static ValidatableResponse chases(String user, UUID referralId) {
        return as(user).queryParam("size", 200)
                .get("/api/v1/referrals/{id}/chases", referralId)
                .then();
    }

    /** The chases of a referral as the coordinator sees them. */
    public static List<Map<String, Object>> chasesOf(UUID referralId) {
        return chases("coordinator", referralId)
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    /** Waits until the referral has chases matching the predicate, and returns them. */
    public static List<Map<String, Object>> awaitChases(
            UUID referralId, java.util.function.Predicate<List<Map<String, Object>>> done) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> chases("coordinator", referralId).extract().statusCode() == 200
                        && done.test(chasesOf(referralId)));
        return chasesOf(referralId);
    }

    /** The chase of a kind among a referral's chases in a state. */
    public static long count(List<Map<String, Object>> chases, String kind, String state) {
        return chases.stream()
                .filter(c -> kind.equals(c.get("kind")) && state.equals(c.get("state")))
                .count();
    }
}
