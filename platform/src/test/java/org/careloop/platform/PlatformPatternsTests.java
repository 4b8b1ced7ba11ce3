package org.careloop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.platform.testapp.WidgetApp;
import org.careloop.platform.testapp.WidgetCreated;
import org.careloop.testing.KafkaEvents;
import org.careloop.testing.KafkaTestResource;
import org.careloop.testing.PostgresTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The shared patterns, proven once against a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class PlatformPatternsTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void stateChangeAndEventCommitTogetherAndReachKafkaWithCloudEventHeaders() {
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "gear", "parts", List.of()))
                .post("/widgets")
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        var record = KafkaEvents.await(WidgetCreated.TOPIC, r -> id.equals(r.key()), WAIT);
        assertThat(record.header("ce_type")).isEqualTo(WidgetCreated.TYPE);
        assertThat(record.header("ce_source")).isEqualTo("/careloop/platform-test");
        assertThat(record.header("ce_subject")).isEqualTo(id);
        assertThat(record.header("ce_specversion")).isEqualTo("1.0");
        assertThat(UUID.fromString(record.header("ce_id"))).isNotNull();
        assertThat(record.value()).contains("\"widgetId\":\"" + id + "\"");
        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("careloop_outbox_relayed_total{topic=\"widget-events\"}"));
    }

    @Test
    void aFailedTransactionLeavesNeitherStateNorEvent() {
        long before = count("select count(*) from outbox_event");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "explode-after-outbox", "parts", List.of()))
                .post("/widgets")
                .then()
                .statusCode(500)
                .contentType("application/problem+json");
        assertThat(count("select count(*) from outbox_event")).isEqualTo(before);
        assertThat(count("select count(*) from widget where name = 'explode-after-outbox'"))
                .isZero();
    }

    @Test
    void consumerAppliesEachEventOnceAndDeadLettersPoisonWithoutStopping() {
        UUID widget = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = "{\"widgetId\":\"" + widget + "\",\"name\":\"dup\"}";
        var headers = KafkaEvents.cloudEventHeaders(eventId, WidgetCreated.TYPE);
        KafkaEvents.send(WidgetCreated.TOPIC, widget.toString(), json, headers);
        KafkaEvents.send(WidgetCreated.TOPIC, widget.toString(), json, headers);

        // Poison: bad JSON, a missing ce_id, invalid data, and a handler that declares the event poison.
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                "k",
                "{not json",
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), WidgetCreated.TYPE));
        KafkaEvents.send(WidgetCreated.TOPIC, "k", json, Map.of("ce_type", WidgetCreated.TYPE));
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                "k",
                "{\"widgetId\":null,\"name\":\"\"}",
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), WidgetCreated.TYPE));
        String poisonId = UUID.randomUUID().toString();
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                "k",
                "{\"widgetId\":\"" + UUID.randomUUID() + "\",\"name\":\"poison\"}",
                KafkaEvents.cloudEventHeaders(poisonId, WidgetCreated.TYPE));

        // A valid event after the poison ones is still applied: the consumer kept going.
        UUID after = UUID.randomUUID();
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                after.toString(),
                "{\"widgetId\":\"" + after + "\",\"name\":\"after\"}",
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), WidgetCreated.TYPE));

        await().atMost(WAIT)
                .until(() -> count("select count(*) from widget_echo where widget_id = '" + after + "'") == 1);
        assertThat(count("select count(*) from widget_echo where widget_id = '" + widget + "'"))
                .isEqualTo(1);
        var dead = KafkaEvents.await("dlq.platform-test", r -> poisonId.equals(r.header("ce_id")), WAIT);
        assertThat(dead.value()).contains("poison");
    }

    @Test
    void aRetriedAttemptRunsItsAfterCommitActionsOnlyOnceAfterTheCommit() {
        UUID widget = UUID.randomUUID();
        int before = WidgetApp.AFTER_COMMIT_ACTIONS.get();
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                widget.toString(),
                "{\"widgetId\":\"" + widget + "\",\"name\":\"flaky\"}",
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), WidgetCreated.TYPE));

        await().atMost(WAIT)
                .until(() -> count("select count(*) from widget_echo where widget_id = '" + widget + "'") == 1);
        assertThat(WidgetApp.FLAKY_ATTEMPTS.get()).isEqualTo(2);
        await().atMost(WAIT).until(() -> WidgetApp.AFTER_COMMIT_ACTIONS.get() == before + 1);
    }

    @Test
    void invalidBodyIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "", "parts", List.of(Map.of("code", "x", "quantity", 11))))
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("name", "parts[0].quantity"));
    }

    @Test
    void malformedJsonIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"parts\":[{\"code\":\"a\",\"quantity\":\"many\"}]}")
                .post("/widgets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("parts[0].quantity"));
    }

    @Test
    void pagingParametersAreValidatedAndNotFoundIsAProblem() {
        given().get("/widgets?size=500")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().get("/widgets?missing=yes")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("Widget w-1 was not found"));
        given().get("/widgets?page=0&size=5").then().statusCode(200).body("totalPages", equalTo(1));
    }

    @Test
    void aTransientFailureIsRetriedForAsLongAsItLastsAndNeverDeadLettered() {
        UUID widget = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                widget.toString(),
                "{\"widgetId\":\"" + widget + "\",\"name\":\"outage\"}",
                KafkaEvents.cloudEventHeaders(eventId, WidgetCreated.TYPE));

        await().atMost(WAIT)
                .until(() -> count("select count(*) from widget_echo where widget_id = '" + widget + "'") == 1);
        assertThat(WidgetApp.OUTAGE_ATTEMPTS.get()).isEqualTo(WidgetApp.OUTAGE_FAILURES + 1);
        // More failures than max-retries (3), yet nothing went to the dead-letter topic: a marker sent after it is
        // the first record there with this key.
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                widget.toString(),
                "{not json",
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), WidgetCreated.TYPE));
        var dead = KafkaEvents.await("dlq.platform-test", r -> widget.toString().equals(r.key()), WAIT);
        assertThat(dead.header("ce_id")).isNotEqualTo(eventId);
    }

    @Test
    void eventsWithUnknownFieldsAreApplied() {
        UUID widget = UUID.randomUUID();
        KafkaEvents.send(
                WidgetCreated.TOPIC,
                widget.toString(),
                "{\"widgetId\":\"" + widget + "\",\"name\":\"grown\",\"addedLater\":{\"x\":1}}",
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), WidgetCreated.TYPE));
        await().atMost(WAIT)
                .until(() -> count("select count(*) from widget_echo where widget_id = '" + widget + "'") == 1);
    }

    @Test
    void aDatabaseOutageIsA503WithRetryAfter() {
        given().get("/widgets?missing=database-down")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("type", equalTo("https://careloop.org/problems/unavailable"));
    }

    @Test
    void aRecordTheBrokerRefusesIsParkedAndDoesNotHoldUpTheOthers() {
        // Larger than the producer's max.request.size (1 MiB): the broker client refuses it every time.
        String huge = "x".repeat(1_100_000);
        String refused = given().contentType(ContentType.JSON)
                .body(Map.of("name", huge, "parts", List.of()))
                .post("/widgets")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        String fine = given().contentType(ContentType.JSON)
                .body(Map.of("name", "after-the-refused-one", "parts", List.of()))
                .post("/widgets")
                .then()
                .statusCode(200)
                .extract()
                .path("id");

        KafkaEvents.await(WidgetCreated.TOPIC, r -> fine.equals(r.key()), WAIT);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where event_key = '" + refused
                                + "' and parked_at is not null and attempts = 3 and last_error like '%RecordTooLarge%'")
                        == 1);
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/metrics")
                .then()
                .body(org.hamcrest.Matchers.containsString("careloop_outbox_parked "))
                .body(org.hamcrest.Matchers.containsString("careloop_outbox_backlog "))
                .body(org.hamcrest.Matchers.containsString("careloop_outbox_backlog_age_seconds "))
                .body(org.hamcrest.Matchers.containsString(
                        "careloop_outbox_parked_events_total{topic=\"widget-events\"}")));
        given().get("/api/v1/outbox?state=parked").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "ops", roles = "operator")
    void operatorsListParkedEventsAndPutThemBackInTheQueue() {
        String refused = given().contentType(ContentType.JSON)
                .body(Map.of("name", "y".repeat(1_100_000), "parts", List.of()))
                .post("/widgets")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where event_key = '" + refused
                                + "' and parked_at is not null")
                        == 1);
        long id = count("select id from outbox_event where event_key = '" + refused + "'");
        given().get("/api/v1/outbox?state=parked&size=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItems((int) id))
                .body("items.find { it.id == " + id + " }.attempts", equalTo(3));
        given().get("/api/v1/outbox/backlog")
                .then()
                .statusCode(200)
                .body("parked", org.hamcrest.Matchers.greaterThan(0));
        given().post("/api/v1/outbox/" + id + "/retry").then().statusCode(204);
        given().post("/api/v1/outbox/" + id + "/retry").then().statusCode(404);
        // Still refused: it fails its attempts again and is parked again.
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where id = " + id
                                + " and parked_at is not null and attempts = 3")
                        == 1);
    }

    @Test
    void aWriterWaitsForTheKeyLockSoRowsOfOneKeyAreNumberedInCommitOrder() throws Exception {
        UUID widget = UUID.randomUUID();
        var config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""))) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                // Another transaction writing an event of the same key holds its lock.
                st.execute(
                        "select pg_advisory_xact_lock(7283, hashtext('" + WidgetCreated.TOPIC + "|" + widget + "'))");
            }
            var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("name", "ordered", "parts", List.of(), "id", widget.toString()))
                    .post("/widgets")
                    .then()
                    .extract()
                    .statusCode());
            Thread.sleep(1000);
            assertThat(pending).isNotDone();
            assertThat(count("select count(*) from outbox_event where event_key = '" + widget + "'"))
                    .isZero();
            other.commit();
            assertThat(pending.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        }
        assertThat(count("select count(*) from outbox_event where event_key = '" + widget + "'"))
                .isEqualTo(1);
    }

    private static long count(String sql) {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
