package org.careloop.referral.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.referral.PrivacyFixtures.match;
import static org.careloop.referral.PrivacyFixtures.person;
import static org.careloop.referral.PrivacyFixtures.routed;
import static org.careloop.referral.lifecycle.Fixtures.CLINIC;
import static org.careloop.referral.lifecycle.Fixtures.FOODBANK;
import static org.careloop.referral.lifecycle.Fixtures.HOUSING;
import static org.careloop.referral.lifecycle.Fixtures.REFERRALS;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;
import static org.careloop.referral.lifecycle.Fixtures.awaitReferralUpdated;
import static org.careloop.referral.lifecycle.Fixtures.newReferral;
import static org.careloop.referral.lifecycle.Fixtures.read;
import static org.careloop.referral.routing.RoutingFixtures.FOOD;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/**
 * Free text typed by people (reasons for rejecting, cancelling, pausing, declining) stays in the referral service's
 * database and API: nothing the service publishes carries it. Reads every record the service has published in this
 * test run (every test class before this one included) on referral-updated, match-requested and the partner topics.
 */
@QuarkusTest
class NoFreeTextOnEventsTests {

    @Test
    void nothingTheServicePublishesCarriesFreeText() {
        String marker = "typed-by-a-person-" + UUID.randomUUID();
        List<String> changed = new ArrayList<>();

        String rejected = newReferral(FOODBANK).getString("id");
        change("foodbank-staff", rejected, Map.of("status", "rejected", "reason", marker + " rejected"));
        changed.add(rejected);

        String cancelled = newReferral(HOUSING).getString("id");
        change("clinician", cancelled, Map.of("status", "cancelled", "reason", marker + " cancelled"));
        changed.add(cancelled);

        String paused = newReferral(FOODBANK).getString("id");
        change("foodbank-staff", paused, Map.of("status", "accepted"));
        change("foodbank-staff", paused, Map.of("status", "on-hold", "reason", marker + " paused"));
        changed.add(paused);

        String declined = routed(person(), CLINIC, null, match(UUID.randomUUID(), FOOD, true, FOODBANK))
                .getString("id");
        as("clinician")
                .body(Map.of("reason", marker + " declined"))
                .post(REFERRALS + "/" + declined + "/decline")
                .then()
                .statusCode(200);
        changed.add(declined);

        // The texts are in the API...
        for (String id : changed) {
            assertThat(as("coordinator")
                            .get(REFERRALS + "/" + id)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getString("statusReason"))
                    .startsWith(marker);
        }
        // ...and once the last change of each is published, nowhere on the wire.
        for (String id : changed) {
            long version = as("coordinator")
                    .get(REFERRALS + "/" + id)
                    .then()
                    .extract()
                    .jsonPath()
                    .getLong("version");
            awaitReferralUpdated(id, version);
            KafkaEvents.await(
                    Topics.partnerReferrals(CLINIC),
                    e -> id.equals(e.key()) && read(e.value()).path("version").asLong() == version,
                    TIMEOUT);
        }

        List<String> topics = new ArrayList<>(List.of(Topics.REFERRAL_UPDATED, Topics.MATCH_REQUESTED));
        topics.addAll(PartnerTopicRecords.topics(Topics.PARTNER_PREFIX));
        List<PartnerTopicRecords.Item> published = PartnerTopicRecords.all(topics);
        assertThat(published).isNotEmpty();
        int updates = 0;
        for (PartnerTopicRecords.Item item : published) {
            assertThat(item.value()).as(item.topic()).doesNotContain(marker);
            JsonNode data = read(item.value());
            if (item.topic().equals(Topics.REFERRAL_UPDATED)) {
                updates++;
                assertThat(data.hasNonNull("statusReason"))
                        .as("statusReason of %s v%s", item.key(), data.path("version"))
                        .isFalse();
                EventSchemas.assertValid(EventTypes.REFERRAL_UPDATED, data);
            } else if (item.topic().startsWith(Topics.PARTNER_PREFIX)) {
                assertThat(data.has("statusReason")).isFalse();
                EventSchemas.assertValid(EventTypes.PARTNER_UPDATE, data);
            } else {
                EventSchemas.assertValid(EventTypes.MATCH_REQUESTED, data);
            }
        }
        assertThat(updates).isGreaterThanOrEqualTo(changed.size() * 2);
    }

    private static void change(String user, String id, Map<String, Object> body) {
        as(user).body(body).post(REFERRALS + "/" + id + "/status").then().statusCode(200);
    }
}
