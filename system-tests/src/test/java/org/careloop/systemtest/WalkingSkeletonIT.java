package org.careloop.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton across four separate service processes, real Kafka, PostgreSQL and Keycloak: a clinic screens a
 * patient, the need is matched to a demo service with capacity, a referral is requested from that organization, an
 * acknowledgement deadline is recorded, the organization's staff accept it and the deadline is met. Staff of another
 * organization never see it.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> FOOD_ORGANIZATIONS = List.of("org-foodbank", "org-northside-pantry");

    private static Stack STACK;
    private static String patientId;
    private static String screeningId;
    private static String referralId;
    private static String ownerId;

    @BeforeAll
    static void startStack() throws Exception {
        STACK = Stack.shared();
        patientId = "systest-" + UUID.randomUUID();
    }

    @Test
    @Order(1)
    void demoDirectoryIsLoaded() {
        given().auth()
                .oauth2(token("clinician"))
                .get(url(Stack.DIRECTORY_PORT, "/api/v1/services?category=food-insecurity"))
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem("svc-foodbank-pantry"));
    }

    @Test
    @Order(2)
    void clinicScreensAPatientWithAFoodNeed() {
        String body = """
                {"patientId":"%s","instrument":"AHC-HRSN",
                 "answers":[{"question":"88122-7","answers":["LA28397-0"]},
                            {"question":"88123-5","answers":["LA28398-8"]},
                            {"question":"71802-3","answers":["LA31993-1"]}],
                 "consent":{"shareWithCommunityOrganizations":true}}
                """.formatted(patientId);
        JsonPath created = given().auth()
                .oauth2(Tokens.client(STACK.realmUrl(), "clinic-ehr", "clinic-ehr-secret"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(url(Stack.SCREENING_PORT, "/api/v1/screenings"))
                .then()
                .statusCode(201)
                .body("needs.size()", equalTo(1))
                .body("needs[0].category", equalTo("food-insecurity"))
                .extract()
                .jsonPath();
        screeningId = created.getString("id");
    }

    @Test
    @Order(3)
    void theReceivingOrganizationSeesARequestedReferral() {
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<Map<String, Object>> all = referralsOfScreening(token("coordinator"));
            assertThat(all).hasSize(1);
            ownerId = (String) all.get(0).get("ownerOrganizationId");
        });
        assertThat(ownerId).isIn(FOOD_ORGANIZATIONS);
        List<Map<String, Object>> mine = referralsOfScreening(token(Api.staffOf(ownerId)));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0))
                .containsEntry("status", "requested")
                .containsEntry("ownerOrganizationId", ownerId)
                .containsEntry("category", "food-insecurity")
                .containsEntry("attempt", 1);
        assertThat((String) mine.get(0).get("serviceId")).startsWith("svc-");
        referralId = (String) mine.get(0).get("id");
    }

    @Test
    @Order(4)
    void anAcknowledgementDeadlineIsRecorded() {
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given().auth()
                .oauth2(token("operator"))
                .get(url(Stack.NOTIFICATION_PORT, "/api/v1/deadlines/" + referralId))
                .then()
                .statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("ownerOrganizationId", equalTo(ownerId)));
    }

    @Test
    @Order(5)
    void anotherOrganizationCannotSeeIt() {
        String other = token(ownerId.equals("org-foodbank") ? "northside-staff" : "foodbank-staff");
        assertThat(referralsOfScreening(other)).isEmpty();
        given().auth()
                .oauth2(other)
                .get(url(Stack.REFERRAL_PORT, "/api/v1/referrals/" + referralId))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(other)
                .contentType(ContentType.JSON)
                .body("{\"status\":\"accepted\"}")
                .post(url(Stack.REFERRAL_PORT, "/api/v1/referrals/" + referralId + "/status"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get(url(Stack.REFERRAL_PORT, "/api/v1/referrals/" + referralId))
                .then()
                .statusCode(401);
    }

    @Test
    @Order(6)
    void theOrganizationAcceptsAndTheDeadlineIsMet() {
        given().auth()
                .oauth2(token(Api.staffOf(ownerId)))
                .contentType(ContentType.JSON)
                .body("{\"status\":\"accepted\"}")
                .post(url(Stack.REFERRAL_PORT, "/api/v1/referrals/" + referralId + "/status"))
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body("version", equalTo(2));
        await().atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given().auth()
                .oauth2(token("operator"))
                .get(url(Stack.NOTIFICATION_PORT, "/api/v1/deadlines/" + referralId))
                .then()
                .statusCode(200)
                .body("state", equalTo("MET"))
                .body("resolvedStatus", equalTo("accepted")));
    }

    @Test
    @Order(7)
    void everyEventOfTheFlowMatchesItsSchemaAndCarriesNoPersonalData() throws Exception {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        records.addAll(read(Topics.SCREENING_COMPLETED, screeningId, 1));
        records.addAll(read(Topics.NEEDS_MATCHED, screeningId, 1));
        records.addAll(read(Topics.REFERRAL_UPDATED, referralId, 2));
        for (ConsumerRecord<String, String> record : records) {
            String type = header(record, "ce_type");
            assertThat(header(record, "ce_id")).as("ce_id of %s", type).isNotBlank();
            assertThat(header(record, "ce_source")).as("ce_source of %s", type).startsWith("/careloop/");
            JsonNode data = EventSchemas.valid(type, record.value());
        }
        assertThat(records)
                .extracting(r -> header(r, "ce_type"))
                .containsExactly(
                        EventTypes.SCREENING_COMPLETED,
                        EventTypes.NEEDS_MATCHED,
                        EventTypes.REFERRAL_UPDATED,
                        EventTypes.REFERRAL_UPDATED);
    }

    private List<Map<String, Object>> referralsOfScreening(String token) {
        List<Map<String, Object>> items = given().auth()
                .oauth2(token)
                .get(url(Stack.REFERRAL_PORT, "/api/v1/referrals?size=200"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .filter(r -> screeningId.equals(r.get("screeningId")))
                .toList();
    }

    private List<ConsumerRecord<String, String>> read(String topic, String key, int expected) {
        Properties props = STACK.kafkaReader();
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        assertThat(found).as("records with key %s on %s", key, topic).hasSize(expected);
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String token(String user) {
        return Tokens.user(STACK.realmUrl(), user);
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }
}
