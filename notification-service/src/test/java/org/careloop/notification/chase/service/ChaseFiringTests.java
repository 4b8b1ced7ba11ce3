package org.careloop.notification.chase.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.notification.Api.WAIT;
import static org.careloop.notification.Api.awaitChases;
import static org.careloop.notification.Api.count;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.notification.Api;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.ReferralEvents;
import org.careloop.notification.Sql;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/**
 * Timers fire: a per-organization policy of seconds reminds, escalates and recalls in order and publishes schema-valid
 * referral-chased events; after the worker was down, overdue timers fire late, once; outcome-update requests repeat
 * while a referral stays taken on.
 */
@QuarkusTest
class ChaseFiringTests {

    private static final List<String> ACKNOWLEDGEMENT = List.of("reminder", "escalation", "recall");

    @Inject
    ChaseTimerWorker worker;

    @Inject
    DataSource db;

    @Test
    void aPolicyOfSecondsRemindsEscalatesAndRecallsInOrderAndPublishesEachOnce() {
        String organization = Api.knownOrganization("org-seconds");
        Api.secondsPolicy(
                organization,
                Map.of("remindAfter", "PT1S", "escalateAfter", "PT2S", "recallAfter", "PT3S", "businessTime", false));
        ReferralChange requested = ReferralChange.requested(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        requested.owner = organization;

        ReferralEvents.send(requested);

        List<Map<String, Object>> chases = awaitChases(
                requested.referralId, c -> ACKNOWLEDGEMENT.stream().allMatch(k -> count(c, k, "FIRED") == 1));
        assertThat(chases)
                .filteredOn(c -> ACKNOWLEDGEMENT.contains(c.get("kind")))
                .allSatisfy(c -> {
                    assertThat(c.get("policy")).isEqualTo("organization");
                    assertThat(Instant.parse((String) c.get("firedAt")))
                            .isAfterOrEqualTo(Instant.parse((String) c.get("dueAt")));
                });
        assertThat(outboxKinds(requested.referralId)).containsExactlyElementsOf(ACKNOWLEDGEMENT);

        for (String kind : ACKNOWLEDGEMENT) {
            KafkaEvents.Event event = KafkaEvents.await(
                    Topics.REFERRAL_CHASED,
                    e -> requested.referralId.toString().equals(e.key())
                            && e.value().contains("\"" + kind + "\""),
                    WAIT);
            assertThat(event.header("ce_type")).isEqualTo(EventTypes.REFERRAL_CHASED);
            JsonNode data = EventSchemas.valid(EventTypes.REFERRAL_CHASED, event.value());
            assertThat(data.get("kind").asText()).isEqualTo(kind);
            assertThat(data.get("referralVersion").asLong()).isEqualTo(1);
            assertThat(data.get("policy").asText()).isEqualTo("organization");
            assertThat(data.get("ownerOrganizationId").asText()).isEqualTo(organization);
            assertThat(data.get("needId").asText()).isEqualTo(requested.needId.toString());
            assertThat(data.get("requesterOrganizationId").asText()).isEqualTo("org-eastside-clinic");
            assertThat(data.has("patientId")).isFalse();
            Map<String, Object> chase = chases.stream()
                    .filter(c -> kind.equals(c.get("kind")))
                    .findFirst()
                    .orElseThrow();
            assertThat(data.get("chaseId").asText()).isEqualTo(chase.get("chaseId"));
            assertThat(Instant.parse(data.get("firedAt").asText()))
                    .isEqualTo(Instant.parse((String) chase.get("firedAt")));
        }
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("careloop_chases_fired_total\\{[^}]*kind=\"recall\"")
                .contains("careloop_chases_lateness_seconds_bucket")
                .contains("careloop_chases_pending");
    }

    @Test
    void timersThatFellDueWhileTheWorkerWasDownFireLateAndOnce() throws Exception {
        String organization = Api.knownOrganization("org-downtime");
        Api.secondsPolicy(
                organization,
                Map.of("remindAfter", "PT1S", "escalateAfter", "PT2S", "recallAfter", "PT3S", "businessTime", false));
        ReferralChange requested =
                ReferralChange.requested(Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        requested.owner = organization;

        worker.stop().get(30, TimeUnit.SECONDS);
        try {
            ReferralEvents.send(requested);
            List<Map<String, Object>> pending = awaitChases(
                    requested.referralId, c -> ACKNOWLEDGEMENT.stream().allMatch(k -> count(c, k, "PENDING") == 1));
            assertThat(pending)
                    .filteredOn(c -> ACKNOWLEDGEMENT.contains(c.get("kind")))
                    .allSatisfy(c -> assertThat(c.get("firedAt")).isNull());
            assertThat(outboxKinds(requested.referralId)).isEmpty();
        } finally {
            worker.start();
        }

        List<Map<String, Object>> fired = awaitChases(
                requested.referralId, c -> ACKNOWLEDGEMENT.stream().allMatch(k -> count(c, k, "FIRED") == 1));
        assertThat(fired)
                .filteredOn(c -> ACKNOWLEDGEMENT.contains(c.get("kind")))
                .allSatisfy(c -> assertThat(Instant.parse((String) c.get("firedAt")))
                        .isAfter(Instant.parse((String) c.get("dueAt"))));
        // Late, in order, and once: one outbox row per chase.
        assertThat(outboxKinds(requested.referralId)).containsExactlyElementsOf(ACKNOWLEDGEMENT);
        assertThat(Sql.count(
                        db,
                        "select count(distinct payload::jsonb->>'chaseId') from outbox_event"
                                + " where topic = 'referral-chased' and event_key = ?",
                        requested.referralId.toString()))
                .isEqualTo(3);
    }

    @Test
    void anOutcomeUpdateIsRequestedAgainWhileTheReferralStaysTakenOn() {
        String organization = Api.knownOrganization("org-outcome");
        Api.secondsPolicy(
                organization,
                Map.of(
                        "remindAfter",
                        "PT1H",
                        "escalateAfter",
                        "PT2H",
                        "recallAfter",
                        "PT3H",
                        "outcomeUpdateAfter",
                        "PT1S",
                        "businessTime",
                        false));
        ReferralChange requested = ReferralChange.requested(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        requested.owner = organization;
        ReferralEvents.send(requested);
        ReferralChange accepted =
                requested.next("accepted", "owner", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ReferralEvents.send(accepted);

        awaitChases(requested.referralId, c -> count(c, "outcome-update-requested", "FIRED") >= 2);

        ReferralEvents.send(accepted.next("completed", "owner", Instant.now()));
        List<Map<String, Object>> chases =
                awaitChases(requested.referralId, c -> c.stream().noneMatch(x -> "PENDING".equals(x.get("state"))));
        long asked = count(chases, "outcome-update-requested", "FIRED");
        assertThat(asked).isGreaterThanOrEqualTo(2);
        assertThat(count(chases, "outcome-update-requested", "CANCELLED")).isOne();
        assertThat(outboxKinds(requested.referralId)).hasSize((int) asked).containsOnly("outcome-update-requested");
    }

    @Test
    void aReferralThatEndsWhileItsOutcomeRequestFiresKeepsNoRepeatingTimer() {
        String organization = Api.knownOrganization("org-outcome-race");
        Api.secondsPolicy(
                organization,
                Map.of(
                        "remindAfter",
                        "PT1H",
                        "escalateAfter",
                        "PT2H",
                        "recallAfter",
                        "PT3H",
                        "outcomeUpdateAfter",
                        "PT0.2S",
                        "businessTime",
                        false));
        List<ReferralChange> accepted = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ReferralChange requested = ReferralChange.requested(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            requested.owner = organization;
            ReferralEvents.send(requested);
            ReferralChange taken = requested.next("accepted", "owner", Instant.now());
            ReferralEvents.send(taken);
            accepted.add(taken);
        }
        for (ReferralChange taken : accepted) {
            awaitChases(taken.referralId, c -> count(c, "outcome-update-requested", "FIRED") >= 1);
        }

        // Completed while the worker keeps re-arming every 200 ms: cancellation and re-arming race.
        accepted.forEach(taken -> ReferralEvents.send(taken.next("completed", "owner", Instant.now())));

        for (ReferralChange taken : accepted) {
            awaitChases(taken.referralId, c -> c.stream().noneMatch(x -> "PENDING".equals(x.get("state"))));
        }
        assertThat(Sql.count(
                        db,
                        "select count(*) from chase_timer where owner_organization_id = ? and state = 'PENDING'",
                        organization))
                .isZero();
    }

    private List<String> outboxKinds(UUID referralId) {
        return Sql.column(
                        db,
                        "select payload::jsonb->>'kind' from outbox_event where topic = 'referral-chased'"
                                + " and event_key = ? order by id",
                        referralId.toString())
                .stream()
                .map(String.class::cast)
                .toList();
    }
}
