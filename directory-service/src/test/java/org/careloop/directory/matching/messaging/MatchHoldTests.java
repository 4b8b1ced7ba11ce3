package org.careloop.directory.matching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.directory.Events.WAIT;
import static org.careloop.directory.Events.awaitNeedsMatched;
import static org.careloop.directory.Events.capacityChanges;
import static org.careloop.directory.Events.sendScreening;
import static org.careloop.directory.TestDirectory.available;
import static org.careloop.directory.TestDirectory.bundle;
import static org.careloop.directory.TestDirectory.holds;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.retireCategory;
import static org.careloop.directory.TestDirectory.service;
import static org.careloop.directory.TestDirectory.serviceView;
import static org.careloop.directory.TestDirectory.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.careloop.directory.Events;
import org.careloop.directory.KafkaRecords;
import org.careloop.directory.OnVertx;
import org.careloop.directory.matching.service.MatchingService;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Places are held in the transaction that matches: the last place goes to one screening only, consent is required,
 * equal candidates take turns, and every match carries its ranked candidates. Category of this class:
 * social-connection.
 */
@QuarkusTest
class MatchHoldTests {

    private static final String SOCIAL = "social-connection";

    @Inject
    Pool database;

    @Inject
    MatchingService matching;

    @Inject
    Vertx vertx;

    @BeforeEach
    void startFromAnEmptyCategory() {
        retireCategory(database, SOCIAL);
    }

    @Test
    void twoScreeningsNeverBothTakeTheLastPlace() {
        String org = unique("org-club");
        String last = unique("svc-club-last");
        importBundle(bundle(org, service(last, SOCIAL, 1, 4, LocalDate.now())));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        sendScreening(first, true, Events.Need.of(SOCIAL));
        sendScreening(second, true, Events.Need.of(SOCIAL));
        JsonNode a = awaitNeedsMatched(first).at("/matches/0");
        JsonNode b = awaitNeedsMatched(second).at("/matches/0");

        List<JsonNode> both = List.of(a, b);
        assertThat(both)
                .filteredOn(m -> last.equals(m.get("serviceId").asText(null)))
                .hasSize(1);
        JsonNode unmatched = both.stream()
                .filter(m -> m.get("serviceId").isNull())
                .findFirst()
                .orElseThrow();
        assertThat(unmatched.get("rank").asInt()).isZero();
        // Services of earlier tests of this class were retired: they count as not active.
        assertThat(unmatched.get("reason").asText()).startsWith("no service qualifies for social-connection: 1 full");
        assertThat(unmatched.get("candidates")).isEmpty();
        var view = serviceView(last);
        assertThat(view.getInt("capacity.available")).isZero();
        assertThat(view.getInt("capacity.held")).isEqualTo(1);
        assertThat(holds(last)).hasSize(1);
    }

    @Test
    void twoMatchesRunningAtTheSameTimeNeverBothTakeTheLastPlace() {
        String org = unique("org-club");
        String last = unique("svc-club-last");
        importBundle(bundle(org, service(last, SOCIAL, 1, null, LocalDate.now())));
        List<ScreeningCompleted> screenings =
                List.of(screeningOf(Events.Need.of(SOCIAL)), screeningOf(Events.Need.of(SOCIAL)));

        // Two transactions at once, not one after the other as the consumer runs them: both read one place free,
        // one waits for the other's lock, re-reads, and finds the service full.
        List<CompletableFuture<Void>> running = screenings.stream()
                .map(s -> OnVertx.start(vertx, () -> matching.matchScreening(s)))
                .toList();
        running.forEach(OnVertx::await);

        List<JsonNode> answers = screenings.stream()
                .map(s -> awaitNeedsMatched(s.screeningId()).at("/matches/0"))
                .toList();
        assertThat(answers)
                .filteredOn(m -> last.equals(m.get("serviceId").asText(null)))
                .hasSize(1);
        assertThat(answers).filteredOn(m -> m.get("serviceId").isNull()).hasSize(1);
        assertThat(holds(last)).hasSize(1);
        assertThat(available(last)).isZero();
    }

    private static ScreeningCompleted screeningOf(Events.Need need) {
        UUID id = UUID.randomUUID();
        return new ScreeningCompleted(
                id,
                "patient-" + id,
                "org-eastside-clinic",
                "AHC-HRSN",
                "2018-core-v1",
                Instant.now(),
                true,
                List.of(new ScreeningCompleted.Need(need.needId(), need.category(), List.of("88122-7"))));
    }

    @Test
    void withoutConsentNothingIsHeld() {
        String org = unique("org-club");
        String open = unique("svc-club-open");
        importBundle(bundle(org, service(open, SOCIAL, 2, null, LocalDate.now())));
        UUID screening = UUID.randomUUID();

        sendScreening(screening, false, Events.Need.of(SOCIAL));
        JsonNode matched = awaitNeedsMatched(screening);

        assertThat(matched.get("consentToShare").asBoolean()).isFalse();
        assertThat(matched.at("/matches/0/serviceId").asText()).isEqualTo(open);
        assertThat(available(open)).isEqualTo(2);
        assertThat(holds(open)).isEmpty();
    }

    @Test
    void equalCandidatesOfTwoOrganizationsTakeTurns() {
        String orgA = unique("org-club-a");
        String orgB = unique("org-club-b");
        String serviceA = unique("svc-club-a");
        String serviceB = unique("svc-club-b");
        LocalDate assured = LocalDate.now().minusDays(10);
        importBundle(bundle(orgA, service(serviceA, SOCIAL, 20, 20, assured)));
        importBundle(bundle(orgB, service(serviceB, SOCIAL, 20, 20, assured)));

        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID screening = UUID.randomUUID();
            sendScreening(screening, true, Events.Need.of(SOCIAL));
            organizations.add(
                    awaitNeedsMatched(screening).at("/matches/0/organizationId").asText());
        }

        assertThat(organizations).containsOnly(orgA, orgB);
        for (int i = 1; i < organizations.size(); i++) {
            assertThat(organizations.get(i)).as("screening %d", i).isNotEqualTo(organizations.get(i - 1));
        }
        assertThat(available(serviceA)).isEqualTo(17);
        assertThat(available(serviceB)).isEqualTo(17);
    }

    @Test
    void eachMatchCarriesItsRankedCandidatesAndTheHeldPlaceIsPublished() {
        String org = unique("org-club");
        String big = unique("svc-club-big");
        String small = unique("svc-club-small");
        String full = unique("svc-club-full");
        importBundle(bundle(
                org,
                service(big, SOCIAL, 30, 40, LocalDate.now()),
                service(small, SOCIAL, 2, 5, LocalDate.now().minusDays(300)),
                service(full, SOCIAL, 0, 5, LocalDate.now())));
        UUID screening = UUID.randomUUID();
        Events.Need need = Events.Need.of(SOCIAL);
        Events.Need uncovered = Events.Need.of("incarceration-status");

        sendScreening(screening, true, need, uncovered);
        JsonNode data = awaitNeedsMatched(screening);

        assertThat(data.get("matchRequestId").isNull()).isTrue();
        JsonNode match = data.at("/matches/0");
        assertThat(match.get("needId").asText()).isEqualTo(need.needId().toString());
        assertThat(match.get("serviceId").asText()).isEqualTo(big);
        assertThat(match.get("rank").asInt()).isEqualTo(1);
        JsonNode candidates = match.get("candidates");
        assertThat(candidates).hasSize(2);
        assertThat(candidates.get(0).get("serviceId").asText()).isEqualTo(big);
        assertThat(candidates.get(0).get("reason").asText())
                .isEqualTo(match.get("reason").asText());
        assertThat(candidates.get(1).get("serviceId").asText()).isEqualTo(small);
        assertThat(candidates).extracting(c -> c.get("rank").asInt()).containsExactly(1, 2);
        assertThat(candidates).allSatisfy(c -> {
            assertThat(c.get("organizationId").asText()).isEqualTo(org);
            assertThat(c.get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(c.get("reason").asText()).startsWith("active, ");
        });
        assertThat(candidates.get(0).get("score").asDouble())
                .isGreaterThan(candidates.get(1).get("score").asDouble());
        assertThat(candidates.get(0).get("available").asInt()).isEqualTo(30);
        assertThat(data.at("/matches/1/serviceId").isNull()).isTrue();
        assertThat(data.at("/matches/1/reason").asText())
                .isEqualTo("no service in the directory addresses incarceration-status");

        assertThat(available(big)).isEqualTo(29);
        Map<String, Object> hold = holds(big).getFirst();
        assertThat(hold)
                .containsEntry("need_id", need.needId().toString())
                .containsEntry("screening_id", screening.toString())
                .containsEntry("category", SOCIAL)
                .containsEntry("state", "TENTATIVE");
        await().atMost(WAIT).untilAsserted(() -> assertThat(capacityChanges(big))
                .extracting(c -> c.get("cause").asText())
                .containsExactly("import", "hold"));
        JsonNode held = capacityChanges(big).getLast();
        assertThat(held.get("available").asInt()).isEqualTo(29);
        assertThat(held.get("held").asInt()).isEqualTo(1);
        assertThat(held.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aScreeningPublishedTwiceHoldsOnePlacePerNeed() {
        String org = unique("org-club");
        String only = unique("svc-club-only");
        importBundle(bundle(org, service(only, SOCIAL, 5, null, null)));
        UUID screening = UUID.randomUUID();
        Events.Need need = Events.Need.of(SOCIAL);
        String data = Events.screening(screening, true, need);

        for (int i = 0; i < 2; i++) {
            // Two events (different ids) for the same screening: both answered, one place held for the need.
            KafkaEvents.send(
                    Topics.SCREENING_COMPLETED,
                    screening.toString(),
                    data,
                    KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.SCREENING_COMPLETED));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(KafkaRecords.readAll(Topics.NEEDS_MATCHED, WAIT).stream()
                        .filter(e -> screening.toString().equals(e.key()))
                        .count())
                .isEqualTo(2));

        assertThat(available(only)).isEqualTo(4);
        assertThat(holds(only)).hasSize(1);
    }
}
