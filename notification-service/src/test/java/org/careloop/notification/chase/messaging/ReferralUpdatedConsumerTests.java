package org.careloop.notification.chase.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.careloop.contracts.Topics;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.ReferralEvents;
import org.careloop.platform.inbox.ProcessedEventRepository;
import org.careloop.testing.CareLoopTestInfrastructure;
import org.careloop.testing.KafkaEvents;
import org.careloop.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Deadlines follow referral-updated events from the real broker: open (due at the policy's escalation time), meet,
 * clear (also when a coordinator acts on the owner's behalf), version guard, dedup, DLQ.
 */
@QuarkusTest
@QuarkusTestResource(CareLoopTestInfrastructure.class)
class ReferralUpdatedConsumerTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    ProcessedEventRepository processed;

    @Test
    void requestedOpensAndAcceptedMeetsTheDeadline() {
        UUID referralId = UUID.randomUUID();
        // Friday 16:00 in New York; the default policy escalates after 2 business days: Tuesday 16:00.
        Instant requestedAt =
                ZonedDateTime.of(2030, 1, 4, 16, 0, 0, 0, NEW_YORK).toInstant();
        Instant escalation = ZonedDateTime.of(2030, 1, 8, 16, 0, 0, 0, NEW_YORK).toInstant();

        ReferralEvents.send(referralId, 1, "requested", requestedAt);

        awaitDeadline(referralId, "OPEN")
                .body("referralId", equalTo(referralId.toString()))
                .body("ownerOrganizationId", equalTo("org-foodbank"))
                .body("category", equalTo("food-insecurity"))
                .body("requestedAt", equalTo(requestedAt.toString()))
                .body("dueAt", equalTo(escalation.toString()))
                .body("policy", equalTo("default"))
                .body("overdue", is(false))
                .body("resolvedAt", nullValue())
                .body("resolvedStatus", nullValue())
                .body("patientId", nullValue());

        Instant acceptedAt = requestedAt.plusSeconds(3600);
        ReferralEvents.send(referralId, 2, "accepted", acceptedAt);

        awaitDeadline(referralId, "MET")
                .body("resolvedAt", equalTo(acceptedAt.toString()))
                .body("resolvedStatus", equalTo("accepted"))
                .body("dueAt", equalTo(escalation.toString()));

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("careloop_deadlines_opened_total").contains("careloop_deadlines_resolved_total{");
        assertThat(metrics).containsPattern("careloop_deadlines_resolved_total\\{[^}]*state=\"MET\"");
    }

    @Test
    void aCoordinatorsChangeOnTheOwnersBehalfClearsTheDeadline() {
        ReferralChange requested = ReferralChange.requested(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        ReferralEvents.send(requested);
        awaitDeadline(requested.referralId, "OPEN");

        ReferralChange accepted = requested.next("accepted", "coordinator", requested.updatedAt.plusSeconds(60));
        ReferralEvents.send(accepted);

        awaitDeadline(requested.referralId, "CLEARED")
                .body("resolvedStatus", equalTo("accepted"))
                .body("resolvedByRole", equalTo("coordinator"));
    }

    @Test
    void aReplayedOlderVersionDoesNotReopenTheDeadline() {
        UUID referralId = UUID.randomUUID();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReferralEvents.send(referralId, 1, "requested", requestedAt);
        awaitDeadline(referralId, "OPEN");
        ReferralEvents.send(referralId, 2, "accepted", requestedAt.plusSeconds(60));
        awaitDeadline(referralId, "MET");

        // Same data as version 1 under a new event id: deduplication cannot catch it, the version guard must.
        UUID replay = ReferralEvents.send(referralId, 1, "requested", requestedAt);
        awaitProcessed(replay);

        deadline(referralId).statusCode(200).body("state", equalTo("MET")).body("resolvedStatus", equalTo("accepted"));
    }

    @Test
    void aDuplicateEventIdIsAppliedOnce() {
        UUID referralId = UUID.randomUUID();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID eventId = UUID.randomUUID();
        ReferralEvents.sendRaw(eventId, referralId, ReferralEvents.data(referralId, 1, "requested", requestedAt));
        awaitDeadline(referralId, "OPEN");

        // A redelivery under the same id, with data that would close the deadline if it were applied.
        ReferralEvents.sendRaw(
                eventId, referralId, ReferralEvents.data(referralId, 2, "accepted", requestedAt.plusSeconds(60)));
        // Same key, same partition: once this later event is applied, the redelivery has been handled before it.
        ReferralEvents.send(referralId, 2, "cancelled", requestedAt.plusSeconds(120));

        awaitDeadline(referralId, "CLEARED").body("resolvedStatus", equalTo("cancelled"));
    }

    @Test
    void cancelledClearsTheDeadline() {
        UUID referralId = UUID.randomUUID();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReferralEvents.send(referralId, 1, "requested", requestedAt);
        awaitDeadline(referralId, "OPEN");

        Instant cancelledAt = requestedAt.plusSeconds(600);
        ReferralEvents.send(referralId, 2, "cancelled", cancelledAt);

        awaitDeadline(referralId, "CLEARED")
                .body("resolvedStatus", equalTo("cancelled"))
                .body("resolvedAt", equalTo(cancelledAt.toString()))
                .body("overdue", is(false));
    }

    @Test
    void aStatusChangeArrivingBeforeTheRequestOpensNothing() {
        UUID referralId = UUID.randomUUID();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        UUID accepted = ReferralEvents.send(referralId, 2, "accepted", requestedAt.plusSeconds(60));
        awaitProcessed(accepted);
        deadline(referralId).statusCode(404);

        UUID late = ReferralEvents.send(referralId, 1, "requested", requestedAt);
        awaitProcessed(late);
        deadline(referralId).statusCode(404);
    }

    @Test
    void aRequestPastItsWindowIsOverdue() {
        UUID referralId = UUID.randomUUID();
        // Further back than any business-day escalation, weekends included.
        Instant requestedAt = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MILLIS);

        ReferralEvents.send(referralId, 1, "requested", requestedAt);

        awaitDeadline(referralId, "OPEN").body("overdue", is(true));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        UUID poisonId = UUID.randomUUID();
        String marker = "not-json-" + poisonId;
        ReferralEvents.sendRaw(poisonId, UUID.randomUUID(), "{" + marker);

        KafkaEvents.Event dead = KafkaEvents.await(
                Topics.DLQ_NOTIFICATION, e -> e.value() != null && e.value().contains(marker), TIMEOUT);
        assertThat(dead.header("ce_id")).isEqualTo(poisonId.toString());

        UUID referralId = UUID.randomUUID();
        ReferralEvents.send(referralId, 1, "requested", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        awaitDeadline(referralId, "OPEN");
    }

    @Test
    void anEventWithAnUnknownStatusGoesToTheDeadLetterTopic() {
        UUID referralId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ReferralEvents.sendRaw(eventId, referralId, ReferralEvents.data(referralId, 1, "acknowledged", Instant.now()));

        KafkaEvents.await(Topics.DLQ_NOTIFICATION, e -> eventId.toString().equals(e.header("ce_id")), TIMEOUT);
        deadline(referralId).statusCode(404);
    }

    private ValidatableResponse awaitDeadline(UUID referralId, String state) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> deadline(referralId).statusCode(200).body("state", equalTo(state)));
        return deadline(referralId).statusCode(200).body("state", equalTo(state));
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> isProcessed(eventId));
    }

    private boolean isProcessed(UUID eventId) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> processed.findById(eventId)) != null;
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static ValidatableResponse deadline(UUID referralId) {
        return given().auth()
                .oauth2(Tokens.user("operator"))
                .get("/api/v1/deadlines/{id}", referralId)
                .then();
    }
}
