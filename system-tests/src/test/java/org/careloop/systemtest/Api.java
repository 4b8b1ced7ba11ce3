package org.careloop.systemtest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careloop.testing.Tokens;

/** The stack's public APIs as the demo users and clients call them, plus read-only looks at Kafka and the databases. */
final class Api {

    /** A food need: "often true" to the first Hunger Vital Sign item. */
    static final String FOOD = "[{\"question\":\"88122-7\",\"answers\":[\"LA28397-0\"]}]";

    /** A transportation need. */
    static final String TRANSPORTATION = "[{\"question\":\"93030-5\",\"answers\":[\"LA33-6\"]}]";

    /** A utilities need. */
    static final String UTILITIES = "[{\"question\":\"96779-4\",\"answers\":[\"LA33-6\"]}]";

    /** An inadequate-housing need (mold). */
    static final String INADEQUATE_HOUSING = "[{\"question\":\"96778-6\",\"answers\":[\"LA28580-1\"]}]";

    /** Staff users of the demo organizations that have one; a coordinator acts for the others. */
    private static final Map<String, String> STAFF = Map.of(
            "org-foodbank", "foodbank-staff",
            "org-northside-pantry", "northside-staff",
            "org-housing", "housing-staff",
            "org-transit", "transit-staff");

    private final Stack stack;

    Api(Stack stack) {
        this.stack = stack;
    }

    String token(String user) {
        return Tokens.user(stack.realmUrl(), user);
    }

    String clinicToken() {
        return Tokens.client(stack.realmUrl(), "clinic-ehr", "clinic-ehr-secret");
    }

    /** The demo user who works for an organization, or the coordinator for organizations without one. */
    static String staffOf(String organizationId) {
        return STAFF.getOrDefault(organizationId, "coordinator");
    }

    RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    /** Posts a consented AHC screening as the clinic's EHR; returns the raw response. */
    Response postScreening(String patientId, String answers) {
        String body = """
                {"patientId":"%s","instrument":"AHC-HRSN","answers":%s,
                 "consent":{"shareWithCommunityOrganizations":true}}
                """.formatted(patientId, answers);
        return given().auth()
                .oauth2(clinicToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(url(Stack.SCREENING_PORT, "/api/v1/screenings"));
    }

    /** Posts a screening and returns its id. */
    String screen(String answers) {
        return postScreening("systest-" + UUID.randomUUID(), answers)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The referrals of a screening as a coordinator sees them, oldest attempt first. */
    List<Map<String, Object>> referralsOf(String screeningId) {
        List<Map<String, Object>> items = as("coordinator")
                .queryParam("screeningId", screeningId)
                .queryParam("size", 200)
                .get(url(Stack.REFERRAL_PORT, "/api/v1/referrals"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .sorted((a, b) -> Integer.compare(attempt(a), attempt(b)))
                .toList();
    }

    static int attempt(Map<String, Object> referral) {
        Object attempt = referral.get("attempt");
        return attempt == null ? 1 : ((Number) attempt).intValue();
    }

    JsonPath referral(String id) {
        return as("coordinator")
                .get(url(Stack.REFERRAL_PORT, "/api/v1/referrals/" + id))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Changes a referral's status as {@code user}; returns the response for the caller to check. */
    Response changeStatus(String user, String referralId, Map<String, Object> body) {
        return as(user).body(body).post(url(Stack.REFERRAL_PORT, "/api/v1/referrals/" + referralId + "/status"));
    }

    JsonPath service(String serviceId) {
        return as("coordinator")
                .get(url(Stack.DIRECTORY_PORT, "/api/v1/services/" + serviceId))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    int available(String serviceId) {
        return service(serviceId).getInt("capacity.available");
    }

    /** Reports a service's capacity as a coordinator. */
    void reportCapacity(String serviceId, int available, Integer maximum) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("available", available);
        body.put("maximum", maximum);
        as("coordinator")
                .body(body)
                .put(url(Stack.DIRECTORY_PORT, "/api/v1/services/" + serviceId + "/capacity"))
                .then()
                .statusCode(200);
    }

    /** Every record on a topic, from the beginning (read as the stack's operator principal). */
    List<ConsumerRecord<String, String>> records(String topic) {
        Properties props = stack.kafkaReader();
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long quietSince = System.nanoTime();
            // Read until nothing new arrived for 2 s after the assignment (or 30 s in all).
            while (System.nanoTime() < deadline) {
                var batch = consumer.poll(Duration.ofMillis(250));
                if (!batch.isEmpty()) {
                    batch.forEach(found::add);
                    quietSince = System.nanoTime();
                } else if (!consumer.assignment().isEmpty()
                        && System.nanoTime() - quietSince
                                > Duration.ofSeconds(2).toNanos()) {
                    break;
                }
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A single number from one service's database. */
    long count(String service, String sql) {
        try (Connection c = stack.database(service);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Query on " + service + " failed: " + sql, e);
        }
    }
}
