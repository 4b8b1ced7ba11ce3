package org.careloop.referral.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.PrivacyFixtures.match;
import static org.careloop.referral.PrivacyFixtures.organization;
import static org.careloop.referral.PrivacyFixtures.person;
import static org.careloop.referral.PrivacyFixtures.routed;
import static org.careloop.referral.lifecycle.Fixtures.CLINIC;
import static org.careloop.referral.lifecycle.Fixtures.REFERRALS;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.read;
import static org.careloop.referral.routing.RoutingFixtures.FOOD;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/**
 * The integrators' stream on a real broker: each referral change lands on the requesting clinic's and the owner
 * organization's own topic, created on demand by the outbox relay, valid against the contract's schema, with no free
 * text; a draft reaches the clinic alone until it is sent.
 */
@QuarkusTest
class PartnerStreamTests {

    @Test
    void everyChangeLandsOnTheClinicsAndTheOrganizationsTopicsWithoutFreeText() {
        String owner = organization();
        String ownerTopic = Topics.partnerReferrals(owner);
        String clinicTopic = Topics.partnerReferrals(CLINIC);
        String person = person();
        JsonPath referral = routed(person, CLINIC, null, match(UUID.randomUUID(), FOOD, false, owner));
        String id = referral.getString("id");

        // The relay created the organization's topic, with the configured partitions (the broker would make three).
        await().atMost(TIMEOUT)
                .until(() -> PartnerTopicRecords.topics(Topics.PARTNER_PREFIX).contains(ownerTopic));
        assertThat(PartnerTopicRecords.partitions(ownerTopic)).isEqualTo(2);

        String text = "The person mentioned a court date " + UUID.randomUUID();
        as("coordinator")
                .body(Map.of("status", "rejected", "reason", text))
                .post(REFERRALS + "/" + id + "/status")
                .then()
                .statusCode(200);

        for (String topic : new String[] {ownerTopic, clinicTopic}) {
            for (long version = 1; version <= 2; version++) {
                long v = version;
                KafkaEvents.Event record = KafkaEvents.await(
                        topic,
                        e -> id.equals(e.key())
                                && read(e.value()).path("version").asLong() == v,
                        TIMEOUT);
                assertThat(record.header("ce_type")).isEqualTo(EventTypes.PARTNER_UPDATE);
                assertThat(record.header("ce_source")).isEqualTo("/careloop/referral-service");
                assertThat(record.value()).doesNotContain(text).doesNotContain("statusReason\"");
                JsonNode data = EventSchemas.valid(EventTypes.PARTNER_UPDATE, record.value());
                assertThat(data.get("audience").asText()).isEqualTo(topic.equals(ownerTopic) ? "owner" : "requester");
                assertThat(data.get("personRef").asText()).isEqualTo(person);
                assertThat(data.get("ownerOrganizationId").asText()).isEqualTo(owner);
                assertThat(data.get("status").asText()).isEqualTo(v == 1 ? "requested" : "rejected");
            }
        }
        // The text stays in the API, for those who may read the referral.
        as("clinician")
                .get(REFERRALS + "/" + id)
                .then()
                .statusCode(200)
                .body("statusReason", org.hamcrest.Matchers.equalTo(text));
    }

    @Test
    void aDraftReachesOnlyTheClinicUntilItIsSent() {
        String owner = organization();
        JsonPath draft = routed(person(), CLINIC, null, match(UUID.randomUUID(), FOOD, true, owner));
        String id = draft.getString("id");
        KafkaEvents.Event proposed =
                KafkaEvents.await(Topics.partnerReferrals(CLINIC), e -> id.equals(e.key()), TIMEOUT);
        JsonNode data = EventSchemas.valid(EventTypes.PARTNER_UPDATE, proposed.value());
        assertThat(data.get("status").asText()).isEqualTo("draft");
        assertThat(data.hasNonNull("ownerOrganizationId")).isFalse();
        assertThat(data.hasNonNull("serviceId")).isFalse();

        as("clinician")
                .body(Map.of())
                .post(REFERRALS + "/" + id + "/send")
                .then()
                .statusCode(200);
        // Records of one key are in order on one partition: the organization's first record is the sent one.
        KafkaEvents.Event first = KafkaEvents.await(Topics.partnerReferrals(owner), e -> id.equals(e.key()), TIMEOUT);
        JsonNode sent = EventSchemas.valid(EventTypes.PARTNER_UPDATE, first.value());
        assertThat(sent.get("version").asLong()).isEqualTo(2);
        assertThat(sent.get("status").asText()).isEqualTo("requested");
        assertThat(sent.get("previousStatus").asText()).isEqualTo("draft");
        assertThat(sent.get("audience").asText()).isEqualTo("owner");
    }
}
