package org.careloop.referral.lifecycle.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.REFERRALS;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.newReferral;
import static org.careloop.referral.lifecycle.Fixtures.statusBody;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Two changes of one referral at the same time: exactly one wins, the other gets 409 and writes nothing. */
@QuarkusTest
class ConcurrentStatusChangeTests {

    @Test
    void aChangeThatLosesTheRaceForTheRowIsRefusedAndWritesNothing() throws Exception {
        String id = newReferral(FOODBANK).getString("id");
        try (Connection other = connect();
                Connection observer = connect()) {
            other.setAutoCommit(false);
            // Another writer changes the referral and keeps the row locked until it commits.
            try (PreparedStatement update = other.prepareStatement(
                    "update referral set status = 'accepted', version = version + 1 where id = ?")) {
                update.setObject(1, UUID.fromString(id));
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Response> reject = CompletableFuture.supplyAsync(() -> as("foodbank-staff")
                    .body(statusBody("rejected", "No capacity"))
                    .post(REFERRALS + "/" + id + "/status"));
            // The API read version 1 and now waits for the row; let the other writer win.
            await().atMost(TIMEOUT).until(() -> waitingForLocks(observer) > 0);
            other.commit();

            Response response = reject.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.jsonPath().getString("type"))
                    .isEqualTo("https://careloop.org/problems/concurrent-update");
        }
        as("foodbank-staff")
                .get(REFERRALS + "/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("accepted"))
                .body("version", equalTo(2));
        as("foodbank-staff")
                .get(REFERRALS + "/" + id + "/history")
                .then()
                .body("items.toStatus", equalTo(List.of("requested")));
    }

    @Test
    void ofTwoSimultaneousChangesExactlyOneWins() throws Exception {
        String id = newReferral(FOODBANK).getString("id");
        // Whichever runs first, the other is refused: by the version check or, if it runs after, by the lifecycle.
        CompletableFuture<Response> accept = CompletableFuture.supplyAsync(
                () -> as("foodbank-staff").body(statusBody("accepted", null)).post(REFERRALS + "/" + id + "/status"));
        CompletableFuture<Response> reject = CompletableFuture.supplyAsync(() -> as("foodbank-staff")
                .body(statusBody("rejected", "No capacity"))
                .post(REFERRALS + "/" + id + "/status"));

        List<Integer> statuses = List.of(
                accept.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode(),
                reject.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        as("foodbank-staff")
                .get(REFERRALS + "/" + id)
                .then()
                .body("version", equalTo(2))
                .body("status", equalTo(statuses.get(0) == 200 ? "accepted" : "rejected"));
        as("foodbank-staff").get(REFERRALS + "/" + id + "/history").then().body("totalItems", equalTo(2));
    }

    private static int waitingForLocks(Connection observer) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement(
                        "select count(*) from pg_stat_activity where datname = current_database()"
                                + " and wait_event_type = 'Lock'");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }
}
