package org.careloop.notification.chase.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.notification.Api.as;
import static org.careloop.notification.Api.awaitChases;
import static org.careloop.notification.Api.count;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.notification.Api;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.ReferralEvents;
import org.careloop.platform.inbox.ProcessedEventRepository;
import org.junit.jupiter.api.Test;

/**
 * Chase timers follow referral-updated events from the real broker: scheduled per the owner's policy and calendar,
 * cancelled by the change that makes them moot, in version order.
 */
@QuarkusTest
class ChaseSchedulingTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** A Friday 16:00 in New York, far enough ahead that nothing fires during the test. */
    private static final Instant FRIDAY = local("2030-01-04T16:00", NEW_YORK);

    @Inject
    ProcessedEventRepository processed;

    @Test
    void aRequestSchedulesReminderEscalationRecallAndTheContactWarningInBusinessTime() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);

        ReferralEvents.send(requested);

        List<Map<String, Object>> chases = awaitChases(requested.referralId, c -> c.size() == 4);
        assertThat(chases)
                .extracting(c -> c.get("kind"), c -> c.get("state"), c -> c.get("dueAt"), c -> c.get("policy"))
                .containsExactly(
                        tuple("reminder", "PENDING", local("2030-01-07T16:00", NEW_YORK), "default"),
                        tuple("escalation", "PENDING", local("2030-01-08T16:00", NEW_YORK), "default"),
                        tuple("recall", "PENDING", local("2030-01-09T16:00", NEW_YORK), "default"),
                        tuple("contact-window-warning", "PENDING", FRIDAY.plus(Duration.ofDays(53)), "default"));
        assertThat(chases).allSatisfy(c -> {
            assertThat(c.get("referralVersion")).isEqualTo(1);
            assertThat(c.get("needId")).isEqualTo(requested.needId.toString());
            assertThat(c.get("ownerOrganizationId")).isEqualTo("org-foodbank");
            assertThat(c.get("firedAt")).isNull();
        });
        // The deadline is due at the escalation.
        as("operator")
                .get("/api/v1/deadlines/{id}", requested.referralId)
                .then()
                .body("dueAt", equalTo(local("2030-01-08T16:00", NEW_YORK).toString()));
    }

    @Test
    void theOwnersCalendarDecidesTheDueTimes() {
        String organization = Api.knownOrganization("org-paris");
        as("coordinator")
                .body(Map.of("zone", "Europe/Paris", "holidays", List.of("2030-01-07")))
                .put("/api/v1/calendars/organizations/{id}", organization)
                .then()
                .statusCode(200);
        ReferralChange requested = ReferralChange.requested(FRIDAY); // Friday 22:00 in Paris
        requested.owner = organization;

        ReferralEvents.send(requested);

        List<Map<String, Object>> chases = awaitChases(requested.referralId, c -> c.size() == 4);
        // Monday 7 is a holiday in Paris: one business day after Friday 22:00 is Tuesday 22:00.
        assertThat(chases.getFirst())
                .containsEntry("kind", "reminder")
                .containsEntry(
                        "dueAt",
                        local("2030-01-08T22:00", ZoneId.of("Europe/Paris")).toString())
                .containsEntry("policy", "default");
    }

    @Test
    void acceptanceCancelsTheAcknowledgementChasesAndAsksForAnUpdateLater() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);
        ReferralEvents.send(requested);
        awaitChases(requested.referralId, c -> c.size() == 4);

        ReferralEvents.send(requested.next("accepted", "owner", FRIDAY.plusSeconds(3600)));

        List<Map<String, Object>> chases =
                awaitChases(requested.referralId, c -> count(c, "reminder", "CANCELLED") == 1 && c.size() == 5);
        assertThat(count(chases, "escalation", "CANCELLED")).isOne();
        assertThat(count(chases, "recall", "CANCELLED")).isOne();
        assertThat(count(chases, "outcome-update-requested", "PENDING")).isOne();
        // Accepted is not contact yet.
        assertThat(count(chases, "contact-window-warning", "PENDING")).isOne();
        assertThat(chases)
                .filteredOn(c -> "reminder".equals(c.get("kind")))
                .first()
                .satisfies(c -> assertThat((String) c.get("cancelReason")).contains("accepted"));

        // In progress: contact made; the outcome clock restarts from the change.
        ReferralEvents.send(requested
                .next("accepted", "owner", FRIDAY.plusSeconds(3600))
                .next("in-progress", "owner", FRIDAY.plusSeconds(7200)));
        chases = awaitChases(
                requested.referralId, c -> count(c, "contact-window-warning", "CANCELLED") == 1 && c.size() == 6);
        assertThat(count(chases, "outcome-update-requested", "CANCELLED")).isOne();
        assertThat(count(chases, "outcome-update-requested", "PENDING")).isOne();

        // Completed: nothing is left pending.
        ReferralChange completed = requested.copy();
        completed.version = 4;
        completed.status = "completed";
        completed.updatedAt = FRIDAY.plusSeconds(9000);
        ReferralEvents.send(completed);
        chases = awaitChases(requested.referralId, c -> c.stream().noneMatch(x -> "PENDING".equals(x.get("state"))));
        assertThat(chases).hasSize(6);
    }

    @Test
    void aCoordinatorsAcceptanceStopsTheChaseButClearsTheDeadline() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);
        ReferralEvents.send(requested);
        awaitChases(requested.referralId, c -> c.size() == 4);

        ReferralEvents.send(requested.next("accepted", "coordinator", FRIDAY.plusSeconds(60)));

        awaitChases(requested.referralId, c -> count(c, "recall", "CANCELLED") == 1);
        as("operator")
                .get("/api/v1/deadlines/{id}", requested.referralId)
                .then()
                .body("state", equalTo("CLEARED"))
                .body("resolvedByRole", equalTo("coordinator"));
    }

    @Test
    void aReRoutedNeedKeepsOneContactWindowAndItsWarningFollowsTheLatestAttempt() {
        ReferralChange first = ReferralChange.requested(FRIDAY);
        ReferralEvents.send(first);
        awaitChases(first.referralId, c -> c.size() == 4);

        // Recalled (cancelled by the system), then attempt 2 to another organization.
        ReferralEvents.send(first.next("cancelled", "system", FRIDAY.plus(Duration.ofDays(3))));
        ReferralChange second = first.nextAttempt("org-pantry", FRIDAY.plus(Duration.ofDays(3)));
        ReferralEvents.send(second);

        List<Map<String, Object>> secondChases = awaitChases(second.referralId, c -> c.size() == 4);
        assertThat(secondChases)
                .filteredOn(c -> "contact-window-warning".equals(c.get("kind")))
                .singleElement()
                .satisfies(c -> {
                    // Still 53 days after the first request, not the second.
                    assertThat(c.get("dueAt"))
                            .isEqualTo(FRIDAY.plus(Duration.ofDays(53)).toString());
                    assertThat(c.get("ownerOrganizationId")).isEqualTo("org-pantry");
                    assertThat(c.get("state")).isEqualTo("PENDING");
                });
        List<Map<String, Object>> firstChases = Api.chasesOf(first.referralId);
        assertThat(firstChases).hasSize(3).allSatisfy(c -> assertThat(c.get("state"))
                .isEqualTo("CANCELLED"));
        as("coordinator")
                .queryParam("kind", "contact-window-warning")
                .queryParam("referralId", second.referralId.toString())
                .get("/api/v1/chases")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1));
    }

    @Test
    void anOlderVersionArrivingLateChangesNoTimer() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);
        ReferralChange rejected = requested.next("rejected", "owner", FRIDAY.plusSeconds(60));
        ReferralEvents.send(rejected);
        awaitProcessedChase(rejected.referralId);

        UUID late = ReferralEvents.send(requested);
        org.awaitility.Awaitility.await().atMost(Api.WAIT).until(() -> isProcessed(late));

        as("coordinator")
                .get("/api/v1/referrals/{id}/chases", requested.referralId)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
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

    private void awaitProcessedChase(UUID referralId) {
        org.awaitility.Awaitility.await().atMost(Api.WAIT).untilAsserted(() -> Api.chases("coordinator", referralId)
                .statusCode(200));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        Object[] strings = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = values[i] instanceof Instant instant ? instant.toString() : values[i];
        }
        return org.assertj.core.groups.Tuple.tuple(strings);
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }
}
