package org.careloop.directory.matching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.Events.WAIT;
import static org.careloop.directory.Events.awaitNeedsMatched;
import static org.careloop.directory.TestDirectory.available;
import static org.careloop.directory.TestDirectory.bundle;
import static org.careloop.directory.TestDirectory.holds;
import static org.careloop.directory.TestDirectory.importBundle;
import static org.careloop.directory.TestDirectory.retireCategory;
import static org.careloop.directory.TestDirectory.service;
import static org.careloop.directory.TestDirectory.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.directory.Events;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fresh matches asked for by the referral service, excluding the services already tried. Category: elder-abuse. */
@QuarkusTest
class MatchRequestedConsumerTests {

    private static final String ELDER = "elder-abuse";

    @Inject
    Pool database;

    private String org;
    private String first;
    private String second;
    private String third;

    @BeforeEach
    void importThreeServices() {
        retireCategory(database, ELDER);
        org = unique("org-elder");
        first = unique("svc-elder-1");
        second = unique("svc-elder-2");
        third = unique("svc-elder-3");
        importBundle(bundle(
                org,
                service(first, ELDER, 20, null, LocalDate.now()),
                service(second, ELDER, 10, null, LocalDate.now()),
                service(third, ELDER, 3, null, LocalDate.now().minusDays(200))));
    }

    private static Map<String, Object> request(UUID requestId, UUID screeningId, UUID needId, List<String> exclude) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("screeningId", screeningId);
        data.put("needId", needId);
        data.put("patientId", "patient-" + screeningId);
        data.put("category", ELDER);
        data.put("requesterOrganizationId", "org-eastside-clinic");
        data.put("excludeServiceIds", exclude);
        data.put("attempt", exclude.size() + 1);
        data.put("requestedAt", Instant.now());
        return data;
    }

    private static void send(UUID needId, Map<String, Object> data) {
        KafkaEvents.send(
                MatchRequestedConsumer.CHANNEL,
                needId.toString(),
                Events.write(data),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.MATCH_REQUESTED));
    }

    @Test
    void answersWithOneMatchThatExcludesTheServicesTriedAndHoldsItsPlace() {
        UUID requestId = UUID.randomUUID();
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();

        send(needId, request(requestId, screeningId, needId, List.of(first)));
        JsonNode answer = awaitNeedsMatched(
                screeningId,
                data -> requestId.toString().equals(data.path("matchRequestId").asText()));

        assertThat(answer.get("screeningId").asText()).isEqualTo(screeningId.toString());
        assertThat(answer.get("patientId").asText()).isEqualTo("patient-" + screeningId);
        assertThat(answer.get("requesterOrganizationId").asText()).isEqualTo("org-eastside-clinic");
        assertThat(answer.get("consentToShare").asBoolean()).isTrue();
        assertThat(answer.get("matches")).hasSize(1);
        JsonNode match = answer.at("/matches/0");
        assertThat(match.get("needId").asText()).isEqualTo(needId.toString());
        assertThat(match.get("category").asText()).isEqualTo(ELDER);
        assertThat(match.get("serviceId").asText()).isEqualTo(second);
        assertThat(match.get("organizationId").asText()).isEqualTo(org);
        assertThat(match.get("candidates"))
                .extracting(c -> c.get("serviceId").asText())
                .containsExactly(second, third);

        assertThat(available(second)).isEqualTo(9);
        assertThat(available(first)).isEqualTo(20);
        Map<String, Object> hold = holds(second).getFirst();
        assertThat(hold)
                .containsEntry("need_id", needId.toString())
                .containsEntry("match_request_id", requestId.toString())
                .containsEntry("state", "TENTATIVE");
    }

    @Test
    void answersUnmatchedWhenEveryServiceWasTried() {
        UUID requestId = UUID.randomUUID();
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();

        send(needId, request(requestId, screeningId, needId, List.of(first, second, third)));
        JsonNode answer = awaitNeedsMatched(
                screeningId,
                data -> requestId.toString().equals(data.path("matchRequestId").asText()));

        JsonNode match = answer.at("/matches/0");
        assertThat(answer.get("matches")).hasSize(1);
        assertThat(match.get("serviceId").isNull()).isTrue();
        assertThat(match.get("organizationId").isNull()).isTrue();
        assertThat(match.get("rank").asInt()).isZero();
        // Services of earlier tests of this class were retired: they count as not active.
        assertThat(match.get("reason").asText())
                .startsWith("no service qualifies for elder-abuse: ")
                .endsWith("3 already tried");
        assertThat(match.get("candidates")).isEmpty();
        assertThat(holds(first)).isEmpty();
    }

    @Test
    void aFreshMatchStaysWithinTheOrganizationsTheConsentCovers() {
        UUID requestId = UUID.randomUUID();
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        Map<String, Object> data = request(requestId, screeningId, needId, List.of());
        data.put("consentRecipients", List.of("org-someone-else"));

        send(needId, data);
        JsonNode answer = awaitNeedsMatched(screeningId, event -> requestId
                .toString()
                .equals(event.path("matchRequestId").asText()));

        assertThat(answer.get("consentRecipients")).extracting(JsonNode::asText).containsExactly("org-someone-else");
        assertThat(answer.at("/matches/0/serviceId").isNull()).isTrue();
        assertThat(holds(first)).isEmpty();
    }

    @Test
    void brokenRequestsGoToTheDeadLetterTopicAndConsumptionGoesOn() {
        UUID broken = UUID.randomUUID();
        Map<String, Object> noRequestId = request(UUID.randomUUID(), broken, UUID.randomUUID(), List.of());
        noRequestId.remove("requestId");
        send(broken, noRequestId);
        UUID requestId = UUID.randomUUID();
        UUID screeningId = UUID.randomUUID();
        UUID needId = UUID.randomUUID();
        send(needId, request(requestId, screeningId, needId, List.of()));

        KafkaEvents.Event dead = KafkaEvents.await(
                Topics.DLQ_DIRECTORY, e -> e.value() != null && e.value().contains(broken.toString()), WAIT);
        assertThat(dead.header("dead-letter-reason")).contains("requestId");
        JsonNode answer = awaitNeedsMatched(
                screeningId,
                data -> requestId.toString().equals(data.path("matchRequestId").asText()));
        assertThat(answer.at("/matches/0/serviceId").asText()).isEqualTo(first);
    }
}
