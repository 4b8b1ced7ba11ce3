package org.careloop.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.careloop.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nothing lost, nothing twice, nothing dead-lettered while the parts of the stack go away mid-run: PostgreSQL stopped
 * for 30 s, and each service stopped gracefully (SIGTERM, as {@code stack down services} does) and started again,
 * while a clinic keeps posting screenings. Every accepted screening ends with exactly one referral and one
 * acknowledgement deadline per need.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Duration SETTLE = Duration.ofMinutes(3);
    private static Stack stack;
    private static Api api;

    @BeforeAll
    static void plentyOfFoodPlaces() throws Exception {
        stack = Stack.shared();
        api = new Api(stack);
        // So that every screening of these runs can be referred: the figures of this test are about losses, not
        // about running out of places.
        api.reportCapacity("svc-foodbank-pantry", 100_000, null);
        api.reportCapacity("svc-northside-emergency-groceries", 100_000, null);
    }

    @Test
    @Order(1)
    void postgresStoppedForThirtySecondsMidRunLosesNothing() throws Exception {
        try (ScreeningLoad load = new ScreeningLoad(api::clinicToken, Api.FOOD, 150, Duration.ofMillis(100))) {
            load.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> load.accepted.size() >= 40);
            stack.stopPostgres();
            Thread.sleep(30_000);
            stack.startPostgres();
            load.await(Duration.ofMinutes(3));

            assertThat(load.status(500)).as("500s while PostgreSQL was down").isZero();
            assertThat(load.status(503))
                    .as("screenings refused with 503 during the outage")
                    .isPositive();
            assertThat(load.retryAfter).isNotEmpty().allMatch(v -> v.matches("\\d+"));
            assertEveryScreeningReferredOnce(load.accepted);
        }
    }

    @Test
    @Order(2)
    void eachServiceStoppedGracefullyMidRunLosesNothing() throws Exception {
        for (String service : List.of("directory", "referral", "notification", "screening")) {
            try (ScreeningLoad load = new ScreeningLoad(api::clinicToken, Api.FOOD, 60, Duration.ofMillis(100))) {
                load.start();
                await().atMost(Duration.ofMinutes(1)).until(() -> load.accepted.size() >= 20);
                stack.stopService(service);
                Thread.sleep(2_000);
                stack.startServices();
                load.await(Duration.ofMinutes(3));
                assertThat(load.status(500))
                        .as("500s around the restart of %s", service)
                        .isZero();
                assertEveryScreeningReferredOnce(load.accepted);
            }
        }
    }

    @Test
    @Order(3)
    void nothingWasDeadLettered() {
        for (String topic : Topics.DEAD_LETTERS) {
            // OperatorToolsIT dead-letters a poison record of its own on purpose (to list and republish it).
            assertThat(api.records(topic))
                    .filteredOn(r -> !OperatorToolsIT.SOURCE.equals(Api.header(r, "ce_source")))
                    .as("records on %s (reasons: dead-letter-reason header)", topic)
                    .isEmpty();
        }
    }

    /** Each screening has one food need: it must end with exactly one referral and one deadline, none twice. */
    private void assertEveryScreeningReferredOnce(List<String> screeningIds) {
        assertThat(screeningIds).doesNotHaveDuplicates();
        String ids = screeningIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(api.count(
                        "referral",
                        "select count(distinct screening_id) from referral where screening_id in (" + ids + ")"))
                .as("screenings with a referral, of %d accepted", screeningIds.size())
                .isEqualTo(screeningIds.size()));
        assertThat(api.count("referral", "select count(*) from referral where screening_id in (" + ids + ")"))
                .as("referrals of %d screenings with one need each", screeningIds.size())
                .isEqualTo(screeningIds.size());
        assertThat(api.count(
                        "referral",
                        "select count(*) from (select need_id from referral where screening_id in (" + ids
                                + ") group by need_id having count(*) > 1) twice"))
                .as("needs referred twice")
                .isZero();
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> referralIds = referralIds(ids);
            String in = referralIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            assertThat(api.count(
                            "notification",
                            "select count(*) from acknowledgement_deadline where state = 'OPEN' and"
                                    + " referral_id in (" + in + ")"))
                    .as("open acknowledgement deadlines")
                    .isEqualTo(referralIds.size());
        });
    }

    private List<String> referralIds(String screeningIdsIn) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        try (var c = stack.database("referral");
                var st = c.createStatement();
                var rs = st.executeQuery("select id from referral where screening_id in (" + screeningIdsIn + ")")) {
            while (rs.next()) {
                all.add(Map.of("id", rs.getString(1)));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return all.stream().map(m -> (String) m.get("id")).toList();
    }
}
