package org.careloop.directory.holds.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.directory.Events.WAIT;
import static org.careloop.directory.Events.awaitNeedsMatched;
import static org.careloop.directory.Events.capacityChanges;
import static org.careloop.directory.Events.referral;
import static org.careloop.directory.Events.sendReferral;
import static org.careloop.directory.Events.sendScreening;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.available;
import static org.careloop.directory.TestDirectory.bundle;
import static org.careloop.directory.TestDirectory.capacityEventsWritten;
import static org.careloop.directory.TestDirectory.holds;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.retireCategory;
import static org.careloop.directory.TestDirectory.service;
import static org.careloop.directory.TestDirectory.serviceView;
import static org.careloop.directory.TestDirectory.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.directory.Events;
import org.careloop.directory.KafkaRecords;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The referral-updated consumer against the real broker and database: places held while a referral is open and given
 * back when it ends, version guards, and what is learned about the organization's responsiveness. Categories of this
 * class: stress, protective-factor.
 */
@QuarkusTest
class ReferralUpdatedConsumerTests {

    private static final String STRESS = "stress";
    /** Category of the services that take the marker referrals; no other class uses it. */
    private static final String MARKERS = "protective-factor";

    @Inject
    Pool database;

    private String organization;
    private String serviceId;
    private String otherServiceId;

    @BeforeEach
    void importAServiceWithThreePlaces() {
        retireCategory(database, STRESS);
        organization = unique("org-calm");
        serviceId = unique("svc-calm");
        otherServiceId = unique("svc-calm-other");
        importBundle(bundle(
                organization,
                service(serviceId, STRESS, 3, 10, LocalDate.now()),
                service(otherServiceId, MARKERS, 5, null, null)));
    }

    private Map<String, Object> referralTo(UUID referralId, long version, String status, String previous, UUID need) {
        return referral(referralId, version, status, previous, need, STRESS, organization, serviceId);
    }

    private static Map<String, Object> hold(String service, UUID referralId) {
        return holds(service).stream()
                .filter(h -> referralId.toString().equals(h.get("referral_id")))
                .findFirst()
                .orElse(null);
    }

    private static void awaitHold(String service, UUID referralId, String state, int version) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Object> hold = hold(service, referralId);
            assertThat(hold).as("hold of referral %s", referralId).isNotNull();
            assertThat(hold).containsEntry("state", state).containsEntry("referral_version", version);
        });
    }

    /** Sends a referral for another service on the same partition and waits for it: everything before is applied. */
    private void sendMarkerAndAwaitIt() {
        UUID marker = UUID.randomUUID();
        sendReferral(referral(marker, 1, "requested", null, UUID.randomUUID(), MARKERS, organization, otherServiceId));
        awaitHold(otherServiceId, marker, "TENTATIVE", 1);
    }

    @Test
    void aMatchedPlaceIsHeldWhileTheReferralIsOpenAndComesBackWhenItEnds() {
        UUID screeningId = UUID.randomUUID();
        Events.Need need = Events.Need.of(STRESS);
        sendScreening(screeningId, true, need);
        JsonNode matched = awaitNeedsMatched(screeningId);
        assertThat(matched.at("/matches/0/serviceId").asText()).isEqualTo(serviceId);
        // Matched: one place held tentatively, not yet claimed by a referral.
        assertThat(available(serviceId)).isEqualTo(2);
        List<Map<String, Object>> open = holds(serviceId);
        assertThat(open).hasSize(1);
        assertThat(open.getFirst())
                .containsEntry("state", "TENTATIVE")
                .containsEntry("origin", "MATCH")
                .containsEntry("need_id", need.needId().toString())
                .containsEntry("referral_id", null);
        assertThat((String) open.getFirst().get("expires_at")).isNotNull();

        UUID referralId = UUID.randomUUID();
        Instant requested = Instant.parse("2026-11-02T09:00:00Z");
        Map<String, Object> created = referralTo(referralId, 1, "requested", null, need.needId());
        created.put("requestedAt", requested);
        created.put("updatedAt", requested);
        sendReferral(created);
        awaitHold(serviceId, referralId, "TENTATIVE", 1);
        assertThat(available(serviceId))
                .as("the referral claimed the match's place")
                .isEqualTo(2);
        assertThat(holds(serviceId)).hasSize(1);
        assertThat(hold(serviceId, referralId)).containsEntry("expires_at", null);

        Map<String, Object> accepted = referralTo(referralId, 2, "accepted", "requested", need.needId());
        accepted.put("requestedAt", requested);
        accepted.put("updatedAt", requested.plus(Duration.ofHours(3)));
        sendReferral(accepted);
        awaitHold(serviceId, referralId, "FIRM", 2);
        assertThat(available(serviceId)).isEqualTo(2);

        sendReferral(referralTo(referralId, 3, "completed", "accepted", need.needId()));
        awaitHold(serviceId, referralId, "RELEASED", 3);
        JsonPath view = serviceView(serviceId);
        assertThat(view.getInt("capacity.available")).isEqualTo(3);
        assertThat(view.getInt("capacity.held")).isZero();
        assertThat(view.getInt("capacity.reported_available")).isEqualTo(3);
        assertThat(hold(serviceId, referralId)).containsEntry("release_reason", "completed");

        // The owner accepted 3 h after the request: learned.
        assertThat(view.getInt("responsiveness.offered")).isEqualTo(1);
        assertThat(view.getInt("responsiveness.accepted")).isEqualTo(1);
        assertThat(view.getDouble("responsiveness.acceptance_rate")).isEqualTo(2.0 / 3.0, offset());
        assertThat(view.getDouble("responsiveness.median_hours_to_acknowledge")).isEqualTo(3.0, offset());

        // Every change of availability was published, in version order, valid against the contract.
        await().atMost(WAIT).untilAsserted(() -> assertThat(capacityChanges(serviceId))
                .extracting(c -> c.get("cause").asText())
                .containsExactly("import", "hold", "release"));
        List<JsonNode> changes = capacityChanges(serviceId);
        assertThat(changes).extracting(c -> c.get("version").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(1).get("available").asInt()).isEqualTo(2);
        assertThat(changes.get(1).get("held").asInt()).isEqualTo(1);
        assertThat(changes.get(2).get("available").asInt()).isEqualTo(3);
        assertThat(changes.get(2).get("held").asInt()).isZero();
        assertThat(changes.get(2).get("organizationId").asText()).isEqualTo(organization);
        assertThat(changes.get(2).get("serviceStatus").asText()).isEqualTo("active");
        assertThat(changes.get(2).get("categories"))
                .extracting(JsonNode::asText)
                .containsExactly(STRESS);
        assertThat(changes.get(2).get("maximum").asInt()).isEqualTo(10);
        assertThat(changes.get(2).get("unit").asText()).isEqualTo("place");

        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines())
                .anyMatch(l -> l.startsWith("careloop_holds_total{") && l.contains("transition=\"released\""))
                .anyMatch(l -> l.startsWith("careloop_capacity_changes_total{") && l.contains("cause=\"hold\""))
                .anyMatch(l -> l.startsWith("careloop_responses_total{") && l.contains("response=\"accepted\""));
    }

    @Test
    void replayedDuplicatedAndOutOfOrderEventsChangeNothingAndAReleasedHoldNeverComesBack() {
        UUID referralId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Map<String, Object> requested = referralTo(referralId, 1, "requested", null, needId);
        String firstEventId = sendReferral(requested);
        awaitHold(serviceId, referralId, "TENTATIVE", 1);
        assertThat(available(serviceId))
                .as("a referral with no match hold takes a place")
                .isEqualTo(2);
        assertThat(hold(serviceId, referralId)).containsEntry("origin", "REFERRAL");

        sendReferral(requested, firstEventId); // the same event again
        sendReferral(requested); // the same version under a new event id
        sendMarkerAndAwaitIt();
        assertThat(available(serviceId)).isEqualTo(2);
        assertThat(holds(serviceId)).hasSize(1);

        sendReferral(referralTo(referralId, 3, "completed", "in-progress", needId)); // v2 has not arrived yet
        sendReferral(referralTo(referralId, 2, "accepted", "requested", needId)); // late: older than v3
        sendReferral(referralTo(referralId, 4, "requested", "completed", needId)); // a released hold stays released
        sendReferral(requested); // an old replay
        sendMarkerAndAwaitIt();

        Map<String, Object> released = hold(serviceId, referralId);
        assertThat(released)
                .containsEntry("state", "RELEASED")
                .containsEntry("referral_version", 3)
                .containsEntry("referral_status", "completed");
        assertThat(holds(serviceId)).hasSize(1);
        JsonPath view = serviceView(serviceId);
        assertThat(view.getInt("capacity.available")).isEqualTo(3);
        assertThat(view.getInt("capacity.held")).isZero();
        // Published: the import, the hold and the release; nothing for the ignored events.
        assertThat(capacityEventsWritten(database, serviceId)).isEqualTo(3);
        // v2 (the response) was skipped by the guard: nothing is learned from a replay.
        assertThat(view.getInt("responsiveness.accepted")).isZero();
    }

    @Test
    void aReferralFirstSeenAtItsEndNeverTakesAPlace() {
        UUID referralId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Instant requested = Instant.parse("2026-11-03T10:00:00Z");
        Map<String, Object> rejected = referralTo(referralId, 2, "rejected", "requested", needId);
        rejected.put("statusReasonCode", "not-eligible");
        rejected.put("requestedAt", requested);
        rejected.put("updatedAt", requested.plus(Duration.ofMinutes(30)));
        sendReferral(rejected);
        sendReferral(referralTo(referralId, 1, "requested", null, needId)); // the creation, late
        sendMarkerAndAwaitIt();

        Map<String, Object> recorded = hold(serviceId, referralId);
        assertThat(recorded)
                .containsEntry("state", "RELEASED")
                .containsEntry("referral_version", 2)
                .containsEntry("release_reason", "rejected");
        assertThat((String) recorded.get("released_at")).isNotNull();
        JsonPath view = serviceView(serviceId);
        assertThat(view.getInt("capacity.available")).isEqualTo(3);
        assertThat(view.getInt("capacity.held")).isZero();
        assertThat(capacityEventsWritten(database, serviceId)).isEqualTo(1);
        // Its rejection still counts: the organization answered within half an hour.
        assertThat(view.getInt("responsiveness.offered")).isEqualTo(1);
        assertThat(view.getInt("responsiveness.rejected")).isEqualTo(1);
        assertThat(view.getDouble("responsiveness.median_hours_to_acknowledge")).isEqualTo(0.5, offset());
    }

    @Test
    void referralsWithoutAHoldToClaimAreCountedEvenBeyondTheLastPlace() {
        String small = unique("svc-calm-small");
        importBundle(bundle(organization, service(small, STRESS, 1, 1, null)));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID firstNeed = UUID.randomUUID();
        UUID secondNeed = UUID.randomUUID();

        sendReferral(referral(first, 1, "requested", null, firstNeed, STRESS, organization, small));
        sendReferral(referral(second, 1, "requested", null, secondNeed, STRESS, organization, small));
        awaitHold(small, second, "TENTATIVE", 1);
        JsonPath full = serviceView(small);
        assertThat(full.getInt("capacity.available")).as("never negative").isZero();
        assertThat(full.getInt("capacity.held")).isEqualTo(2);

        sendReferral(referral(first, 2, "rejected", "requested", firstNeed, STRESS, organization, small));
        awaitHold(small, first, "RELEASED", 2);
        assertThat(available(small))
                .as("one place, still held by the second referral")
                .isZero();

        Map<String, Object> cancelled =
                referral(second, 2, "cancelled", "requested", secondNeed, STRESS, organization, small);
        cancelled.put("changedByRole", "requester");
        cancelled.put("statusReasonCode", "withdrawn-by-requester");
        sendReferral(cancelled);
        awaitHold(small, second, "RELEASED", 2);
        assertThat(available(small)).isEqualTo(1);
    }

    @Test
    void theOrganizationsOwnFirstResponsesAreLearnedAndRecallsCountAsNoResponse() {
        Instant requested = Instant.parse("2026-11-02T09:00:00Z");
        UUID accepted = respond("accepted", "owner", null, requested, Duration.ofHours(2));
        UUID rejected = respond("rejected", "owner", "no-capacity", requested, Duration.ofHours(4));
        UUID recalled = respond("cancelled", "system", "recalled-no-response", requested, Duration.ofHours(72));
        UUID onBehalf = respond("accepted", "coordinator", null, requested, Duration.ofMinutes(5));
        awaitHold(serviceId, accepted, "RELEASED", 3);
        awaitHold(serviceId, rejected, "RELEASED", 2);
        awaitHold(serviceId, recalled, "RELEASED", 2);
        awaitHold(serviceId, onBehalf, "FIRM", 2);

        JsonPath view = serviceView(serviceId);
        assertThat(view.getInt("responsiveness.offered")).isEqualTo(4);
        assertThat(view.getInt("responsiveness.accepted")).isEqualTo(1);
        assertThat(view.getInt("responsiveness.rejected")).isEqualTo(1);
        assertThat(view.getInt("responsiveness.recalled")).isEqualTo(1);
        assertThat(view.getDouble("responsiveness.acceptance_rate")).isEqualTo(2.0 / 5.0, offset());
        assertThat(view.getInt("responsiveness.acknowledgement_samples")).isEqualTo(2);
        assertThat(view.getDouble("responsiveness.median_hours_to_acknowledge")).isEqualTo(3.0, offset());
        assertThat(view.getInt("capacity.held"))
                .as("the coordinator's acceptance still holds a place")
                .isEqualTo(1);

        // The ranking reads it.
        List<Map<String, Object>> ranked = as("clinician")
                .queryParam("category", STRESS)
                .get("/api/v1/matches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertThat(ranked).hasSize(1);
        assertThat((String) ranked.getFirst().get("reason"))
                .contains("accepts 33% (1 of 3)")
                .contains("acknowledges in 3 h (median of 2)");
        assertThat(((Number) ranked.getFirst().get("acceptance_rate")).doubleValue())
                .isEqualTo(0.4, offset());
    }

    /** A referral requested at {@code requested} that leaves {@code requested} {@code after} later (accepted: then done). */
    private UUID respond(String status, String role, String reasonCode, Instant requested, Duration after) {
        UUID referralId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Map<String, Object> created = referralTo(referralId, 1, "requested", null, needId);
        created.put("requestedAt", requested);
        created.put("updatedAt", requested);
        sendReferral(created);
        Map<String, Object> response = referralTo(referralId, 2, status, "requested", needId);
        response.put("changedByRole", role);
        response.put("statusReasonCode", reasonCode);
        response.put("requestedAt", requested);
        response.put("updatedAt", requested.plus(after));
        sendReferral(response);
        if (status.equals("accepted") && role.equals("owner")) {
            sendReferral(referralTo(referralId, 3, "completed", "accepted", needId));
        }
        return referralId;
    }

    @Test
    void referralsOfUnknownServicesAreIgnoredAndBrokenRecordsGoToTheDeadLetterTopic() {
        UUID unknown = UUID.randomUUID();
        sendReferral(
                referral(unknown, 1, "requested", null, UUID.randomUUID(), STRESS, organization, "svc-nobody-lists"));
        UUID broken = UUID.randomUUID();
        Map<String, Object> badStatus = referralTo(broken, 1, "approved", null, UUID.randomUUID());
        sendReferral(badStatus);
        KafkaRecords.sendToPartition(
                Topics.REFERRAL_UPDATED,
                0,
                UUID.randomUUID().toString(),
                "{\"referralId\": ",
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.REFERRAL_UPDATED));
        sendMarkerAndAwaitIt();

        KafkaEvents.Event dead = KafkaEvents.await(
                Topics.DLQ_DIRECTORY, e -> e.value() != null && e.value().contains(broken.toString()), WAIT);
        assertThat(dead.header("dead-letter-reason")).contains("status");
        assertThat(holds(serviceId)).isEmpty();
        assertThat(KafkaRecords.readAll(Topics.DLQ_DIRECTORY, WAIT))
                .noneMatch(e -> e.value() != null && e.value().contains(unknown.toString()));
    }

    private static org.assertj.core.data.Offset<Double> offset() {
        // Rates and hours are published with four decimals.
        return org.assertj.core.data.Offset.offset(1e-4);
    }
}
