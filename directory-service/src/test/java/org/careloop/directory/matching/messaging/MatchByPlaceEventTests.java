package org.careloop.directory.matching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.Events.awaitNeedsMatched;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.retireCategory;
import static org.careloop.directory.TestDirectory.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.directory.Events;
import org.careloop.directory.OnVertx;
import org.careloop.directory.matching.Places;
import org.careloop.directory.matching.Places.Place;
import org.careloop.directory.matching.service.ScreeningFactsHousekeeping;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Matching by place, age and language from screening-completed to needs-matched, re-routes with the stored facts, and
 * the reasons of unmatched needs. Category of this class: health-insurance-coverage-status.
 */
@QuarkusTest
class MatchByPlaceEventTests {

    private static final String INSURANCE = "health-insurance-coverage-status";

    @Inject
    Pool database;

    @Inject
    ScreeningFactsHousekeeping housekeeping;

    @Inject
    io.vertx.core.Vertx vertx;

    private Places places;
    private Place place;
    private String org;

    @BeforeEach
    void setUp() {
        retireCategory(database, INSURANCE);
        places = new Places(database);
        place = places.newPlace();
        org = unique("org-ins");
    }

    private static String service(String id, int available, Integer minimumAge) {
        return """
                {"id": "%s", "name": "Service %s", "status": "active", "categories": ["%s"], "assured_date": "%s",
                 "minimum_age": %s, "capacity": {"unit": "place", "available": %d}}""".formatted(id, id, INSURANCE, LocalDate.now(), minimumAge, available);
    }

    private void importServices(String... services) {
        importBundle("""
                {"organizations": [{"id": "%s", "name": "Insurance help", "description": "For tests.",
                  "services": [%s]}]}
                """.formatted(org, String.join(", ", services)));
    }

    private static void sendScreening(UUID screeningId, UUID needId, String postalCode, String ageBand, String lang) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("screeningId", screeningId);
        data.put("patientId", "patient-" + screeningId);
        data.put("requesterOrganizationId", "org-eastside-clinic");
        data.put("instrument", "AHC-HRSN");
        data.put("instrumentVersion", "2018-core-v1");
        data.put("completedAt", Instant.now());
        data.put("consentToShare", true);
        data.put("needs", List.of(Map.of("needId", needId, "category", INSURANCE, "evidence", List.of("88122-7"))));
        data.put("postalArea", postalCode.substring(0, 3));
        data.put("postalCode", postalCode);
        data.put("ageBand", ageBand);
        data.put("preferredLanguage", lang);
        KafkaEvents.send(
                Topics.SCREENING_COMPLETED,
                screeningId.toString(),
                Events.write(data),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.SCREENING_COMPLETED));
    }

    private static void sendMatchRequest(UUID requestId, UUID screeningId, UUID needId, List<String> exclude) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("screeningId", screeningId);
        data.put("needId", needId);
        data.put("patientId", "patient-" + screeningId);
        data.put("category", INSURANCE);
        data.put("requesterOrganizationId", "org-eastside-clinic");
        data.put("excludeServiceIds", exclude);
        data.put("attempt", exclude.size() + 1);
        data.put("requestedAt", Instant.now());
        KafkaEvents.send(
                MatchRequestedConsumer.CHANNEL,
                needId.toString(),
                Events.write(data),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.MATCH_REQUESTED));
    }

    @Test
    void aScreeningIsMatchedByItsPostalCodeAndAReRouteKeepsTheSameFacts() {
        String near = unique("svc-ins-near");
        String next = unique("svc-ins-next");
        String faraway = unique("svc-ins-far");
        importServices(service(near, 3, null), service(next, 2, null), service(faraway, 30, null));
        places.speaks(near, "es", "Spanish");
        places.speaks(next, "es", "Spanish");
        places.locate(near, place.north(2.4), place.longitude());
        places.locate(next, place.north(6), place.longitude());
        places.locate(faraway, place.north(80), place.longitude());
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();

        sendScreening(screeningId, needId, place.code(), "45-64", "es-US");
        JsonNode match = awaitNeedsMatched(screeningId).at("/matches/0");

        assertThat(match.get("serviceId").asText()).isEqualTo(near);
        assertThat(match.get("reason").asText())
                .startsWith("2.4 km (serves within 25 km), speaks Spanish, open to 45-64, active, 3 place");
        assertThat(match.get("candidates"))
                .extracting(c -> c.get("serviceId").asText())
                .containsExactly(near, next);
        assertThat(facts(screeningId)).containsExactly(place.code(), "45-64", "es");

        // The referral service asks again without the first: the same place rules out the far service.
        UUID requestId = UUID.randomUUID();
        sendMatchRequest(requestId, screeningId, needId, List.of(near));
        JsonNode again = awaitNeedsMatched(screeningId, data -> requestId
                        .toString()
                        .equals(data.path("matchRequestId").asText()))
                .at("/matches/0");
        assertThat(again.get("serviceId").asText()).isEqualTo(next);
        assertThat(again.get("reason").asText()).startsWith("6.0 km (serves within 25 km), speaks Spanish, ");

        // Past the retention the facts are purged: a later re-route matches without them.
        assertThat(OnVertx.await(vertx, () -> housekeeping.purge(Instant.now().plus(Duration.ofDays(31)))))
                .isPositive();
        assertThat(facts(screeningId)).isEmpty();
        UUID laterId = UUID.randomUUID();
        sendMatchRequest(laterId, screeningId, needId, List.of(near, next));
        JsonNode later = awaitNeedsMatched(screeningId, data -> laterId.toString()
                        .equals(data.path("matchRequestId").asText()))
                .at("/matches/0");
        assertThat(later.get("serviceId").asText()).isEqualTo(faraway);
    }

    @Test
    void anUnmatchedNeedSaysWhyNothingQualified() {
        String elsewhere = unique("svc-ins-else");
        String elders = unique("svc-ins-65");
        String english = unique("svc-ins-en");
        String full = unique("svc-ins-full");
        importServices(
                service(elsewhere, 5, null), service(elders, 5, 65), service(english, 5, null), service(full, 0, null));
        places.locate(elsewhere, place.north(60), place.longitude());
        for (String id : List.of(elders, english, full)) {
            places.area(id, "Here", place.code(), null);
        }
        places.speaks(english, "en", "English");
        UUID screeningId = UUID.randomUUID();

        sendScreening(screeningId, UUID.randomUUID(), place.code(), "26-44", "es");
        JsonNode match = awaitNeedsMatched(screeningId).at("/matches/0");

        assertThat(match.get("serviceId").isNull()).isTrue();
        assertThat(match.get("reason").asText())
                .startsWith("no service qualifies for " + INSURANCE + ": 1 out of area, 1 does not accept age 26-44,"
                        + " 1 does not speak Spanish or offer interpretation, 1 full");
    }

    private List<String> facts(UUID screeningId) {
        var rows = database.preparedQuery(
                        "select postal_code, age_band, language from screening_facts where screening_id = $1")
                .execute(Tuple.of(screeningId))
                .await()
                .atMost(Duration.ofSeconds(30));
        if (rows.size() == 0) {
            return List.of();
        }
        var row = rows.iterator().next();
        return List.of(row.getString(0), row.getString(1), row.getString(2));
    }
}
