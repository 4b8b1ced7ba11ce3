package org.careloop.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.referral.lifecycle.Fixtures.TIMEOUT;
import static org.careloop.referral.lifecycle.Fixtures.as;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.referral.lifecycle.Fixtures;
import org.careloop.referral.routing.RoutingFixtures;
import org.careloop.testing.KafkaEvents;

/** Builds and sends the events of people, consent and review: matches with routing constraints, consent decisions. */
public final class PrivacyFixtures {

    public static final String OTHER_CLINIC = "org-westside-clinic";

    private PrivacyFixtures() {}

    /** A new pseudonymous person reference. */
    public static String person() {
        return "p1-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A new organization id. */
    public static String organization() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A needs-matched answer to a screening of {@code person} at {@code clinic}. */
    public static String needsMatched(
            UUID screeningId, String person, String clinic, List<String> consentRecipients, Map<String, Object> match) {
        Map<String, Object> data = new HashMap<>();
        data.put("screeningId", screeningId.toString());
        data.put("patientId", person);
        data.put("requesterOrganizationId", clinic);
        data.put("consentToShare", true);
        data.put("matchedAt", Instant.now().toString());
        data.put("matches", List.of(match));
        data.put("consentRecipients", consentRecipients);
        data.put("doNotContact", false);
        return RoutingFixtures.write(data);
    }

    /** A matched need of {@code category} whose candidates are {@code organizations}, best first. */
    public static Map<String, Object> match(UUID needId, String category, boolean sensitive, String... organizations) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (int i = 0; i < organizations.length; i++) {
            candidates.add(RoutingFixtures.candidate(organizations[i], i + 1));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> match = RoutingFixtures.matchWith(needId, category, candidates.toArray(new Map[0]));
        match.put("sensitive", sensitive);
        return match;
    }

    /** Sends a screening's match for one need; returns the screening id. */
    public static UUID route(String person, String clinic, List<String> recipients, Map<String, Object> match) {
        UUID screeningId = UUID.randomUUID();
        Fixtures.send(
                screeningId.toString(),
                UUID.randomUUID(),
                needsMatched(screeningId, person, clinic, recipients, match));
        return screeningId;
    }

    /** Sends a screening's match for one need and waits for its first referral. */
    public static JsonPath routed(String person, String clinic, List<String> recipients, Map<String, Object> match) {
        return Fixtures.awaitReferrals(route(person, clinic, recipients, match), 1)
                .get(0);
    }

    /** Sends a consent decision; returns the event id, to send it again. */
    public static UUID sendConsent(
            UUID consentId,
            String person,
            String clinic,
            String status,
            List<String> recipients,
            Instant validUntil,
            long version) {
        UUID eventId = UUID.randomUUID();
        sendConsent(eventId, consentId, person, clinic, status, recipients, validUntil, version);
        return eventId;
    }

    public static void sendConsent(
            UUID eventId,
            UUID consentId,
            String person,
            String clinic,
            String status,
            List<String> recipients,
            Instant validUntil,
            long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("consentId", consentId.toString());
        data.put("personRef", person);
        data.put("requesterOrganizationId", clinic);
        data.put("status", status);
        data.put("recipients", recipients);
        data.put("validUntil", validUntil == null ? null : validUntil.toString());
        data.put("changedAt", Instant.now().toString());
        data.put("version", version);
        KafkaEvents.send(
                Topics.CONSENT_CHANGED,
                person,
                RoutingFixtures.write(data),
                KafkaEvents.cloudEventHeaders(eventId.toString(), EventTypes.CONSENT_CHANGED));
    }

    /** Waits until the referral has {@code status}; returns it as the coordinator sees it. */
    public static JsonPath awaitStatus(String referralId, String status) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                        RoutingFixtures.referral(referralId).getString("status"))
                .isEqualTo(status));
        return RoutingFixtures.referral(referralId);
    }

    /** The referral's status history as the coordinator sees it. */
    public static JsonPath history(String referralId) {
        return as("coordinator")
                .get(Fixtures.REFERRALS + "/" + referralId + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
