package org.careloop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.notification.Api;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.ReferralEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks on the real stack (PostgreSQL, Kafka, Keycloak): referral changes reach the clinic's endpoint signed, in
 * order per referral and once each, through failures and a rotated secret; a dead endpoint is paused and resumed from
 * where it stopped; subscriptions are scoped to their organization.
 */
@QuarkusTest
class WebhookDeliveryTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STATUS = "referral.status-changed";

    @jakarta.inject.Inject
    javax.sql.DataSource db;

    private WebhookReceiver receiver;
    private String subscriptionId;
    private String secret;

    @BeforeEach
    void subscribe() throws Exception {
        receiver = new WebhookReceiver();
        Map<String, Object> created = Api.as("clinician")
                .body(Map.of("url", receiver.url(), "types", List.of(STATUS), "contactEmail", "ops@clinic.example"))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .body("organizationId", equalTo("org-eastside-clinic"))
                .body("state", equalTo("active"))
                .extract()
                .jsonPath()
                .getMap("");
        subscriptionId = (String) created.get("id");
        secret = (String) created.get("secret");
        assertThat(secret).startsWith("whsec_");
    }

    @Test
    void secretsAreStoredSealed() throws Exception {
        try (var connection = db.getConnection();
                var statement = connection.prepareStatement(
                        "select secret from webhook_secret where subscription_id = cast(? as uuid)")) {
            statement.setString(1, subscriptionId);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).startsWith("enc:v1:test1:").doesNotContain(secret.substring(6));
            }
        }
        Api.as("clinician")
                .get("/api/v1/webhook-subscriptions/{id}/secret", subscriptionId)
                .then()
                .statusCode(200)
                .body("secrets[0].secret", equalTo(secret));
    }

    @AfterEach
    void unsubscribe() {
        Api.as("clinician").delete("/api/v1/webhook-subscriptions/{id}", subscriptionId);
        receiver.close();
    }

    @Test
    void theClinicGetsEveryStatusChangeSignedWithTheDocumentedAlgorithm() throws Exception {
        ReferralChange requested = ReferralChange.requested(now());
        ReferralChange accepted = requested.next("accepted", "owner", now());
        ReferralChange completed = accepted.next("completed", "owner", now());
        ReferralEvents.send(requested);
        ReferralEvents.send(accepted);
        ReferralEvents.send(completed);

        String referral = requested.referralId.toString();
        await().atMost(WAIT).until(() -> receiver.deliveredFor(referral).size() == 3);

        List<WebhookReceiver.Received> got = receiver.deliveredFor(referral);
        assertThat(got)
                .extracting(r -> r.data().path("status").asText())
                .containsExactly("requested", "accepted", "completed");
        assertThat(got.getLast().data().path("outcome").asText()).isEqualTo("need-resolved");
        assertThat(got).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo(STATUS);
            org.careloop.testing.EventSchemas.assertValidAgainst("/schemas/webhook-notice.v1.json", r.json());
            assertThat(r.id()).isEqualTo(r.data().path("id").asText());
            assertThat(WebhookSignaturesTests.independentlyVerified(
                            secret, r.id(), r.timestamp(), r.body(), r.signature()))
                    .isTrue();
            assertThat(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond()))
                    .isLessThan(300);
            // Ids and codes only: the patient reference of the event never leaves.
            assertThat(r.body()).doesNotContain("patient").doesNotContain("statusReason\"");
            assertThat(r.data().path("referralUrl").asText()).endsWith("/api/v1/referrals/" + referral);
        });
        assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneUntilItsOverlapEnds() throws Exception {
        Map<String, Object> rotated = Api.as("clinician")
                .body(Map.of("overlap", "PT1H"))
                .post("/api/v1/webhook-subscriptions/{id}/secret/rotate", subscriptionId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> secrets = (List<Map<String, Object>>) rotated.get("secrets");
        assertThat(secrets).hasSize(2);
        String fresh = (String) secrets.getFirst().get("secret");
        assertThat(fresh).isNotEqualTo(secret);
        assertThat(secrets.get(1).get("secret")).isEqualTo(secret);
        assertThat(secrets.get(1).get("expiresAt")).isNotNull();

        ReferralChange requested = ReferralChange.requested(now());
        ReferralEvents.send(requested);
        String referral = requested.referralId.toString();
        await().atMost(WAIT).until(() -> receiver.deliveredFor(referral).size() == 1);
        WebhookReceiver.Received r = receiver.deliveredFor(referral).getFirst();
        assertThat(r.signature().split(" ")).hasSize(2);
        assertThat(WebhookSignaturesTests.independentlyVerified(fresh, r.id(), r.timestamp(), r.body(), r.signature()))
                .isTrue();
        assertThat(WebhookSignaturesTests.independentlyVerified(secret, r.id(), r.timestamp(), r.body(), r.signature()))
                .isTrue();

        // Ending the overlap at once: only the newest secret signs.
        Api.as("clinician")
                .body(Map.of("overlap", "PT0S"))
                .post("/api/v1/webhook-subscriptions/{id}/secret/rotate", subscriptionId)
                .then()
                .statusCode(200)
                .body("secrets.size()", equalTo(1));
    }

    @Test
    void aReceiverThatFailsThenRecoversGetsEveryEventOnceInOrderPerReferral() {
        receiver.failNext(3, 503);
        ReferralChange a1 = ReferralChange.requested(now());
        ReferralChange b1 = ReferralChange.requested(now());
        ReferralChange a2 = a1.next("accepted", "owner", now());
        ReferralChange b2 = b1.next("rejected", "owner", now());
        ReferralChange a3 = a2.next("in-progress", "owner", now());
        ReferralChange a4 = a3.next("completed", "owner", now());
        for (ReferralChange c : List.of(a1, b1, a2, b2, a3, a4)) {
            ReferralEvents.send(c);
        }

        String a = a1.referralId.toString();
        String b = b1.referralId.toString();
        await().atMost(WAIT)
                .until(() -> receiver.deliveredFor(a).size() == 4
                        && receiver.deliveredFor(b).size() == 2);

        assertThat(receiver.deliveredFor(a))
                .extracting(r -> r.data().path("referralVersion").asLong())
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(receiver.deliveredFor(b))
                .extracting(r -> r.data().path("referralVersion").asLong())
                .containsExactly(1L, 2L);
        assertThat(receiver.delivered())
                .extracting(WebhookReceiver.Received::id)
                .doesNotHaveDuplicates();
        assertThat(receiver.all().stream().filter(r -> r.answered() == 503)).hasSize(3);

        // The record: each delivery with its attempts, for the owner and for operators.
        String first = Api.as("clinician")
                .queryParam("referralId", a)
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("delivered")))
                .extract()
                .path("items[3].id");
        Api.as("operator")
                .get("/api/v1/deliveries/{id}", first)
                .then()
                .statusCode(200)
                .body("attempts.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("attempts.last().delivered", equalTo(true))
                .body("attempts.last().status", equalTo(204));
        Api.as("foodbank-staff").get("/api/v1/deliveries/{id}", first).then().statusCode(404);
    }

    @Test
    void aDeadEndpointIsPausedItsOwnerToldAndResumedFromWhereItStopped() throws Exception {
        receiver.answer(500);
        ReferralChange r1 = ReferralChange.requested(now());
        ReferralEvents.send(r1);
        await().atMost(WAIT).untilAsserted(() -> Api.as("clinician")
                .get("/api/v1/webhook-subscriptions/{id}", subscriptionId)
                .then()
                .body("state", equalTo("paused"))
                .body("pausedReason", org.hamcrest.Matchers.containsString("failed after 4 attempts")));
        int attemptsWhilePaused = receiver.all().size();
        assertThat(attemptsWhilePaused).isEqualTo(4);

        // Its owner is told at the subscription's contact address, without any personal data.
        await().atMost(WAIT).until(() -> pausedAlerts().size() == 1);
        jakarta.mail.internet.MimeMessage alert = pausedAlerts().getFirst();
        assertThat(alert.getSubject()).isEqualTo("CareLoop: webhook subscription paused");
        String text = alert.getContent().toString();
        assertThat(text).contains(subscriptionId).contains("/resume").doesNotContain("patient");

        // More changes while paused queue up.
        ReferralChange r2 = r1.next("accepted", "owner", now());
        ReferralEvents.send(r2);
        await().atMost(WAIT).untilAsserted(() -> Api.as("clinician")
                .queryParam("referralId", r1.referralId)
                .get("/api/v1/deliveries")
                .then()
                .body("totalItems", equalTo(2))
                .body("items.state", hasItem("pending")));
        assertThat(receiver.all()).hasSize(attemptsWhilePaused);

        receiver.answer(200);
        Api.as("clinician")
                .post("/api/v1/webhook-subscriptions/{id}/resume", subscriptionId)
                .then()
                .statusCode(200)
                .body("state", equalTo("active"));

        String referral = r1.referralId.toString();
        await().atMost(WAIT).until(() -> receiver.deliveredFor(referral).size() == 2);
        assertThat(receiver.deliveredFor(referral))
                .extracting(r -> r.data().path("status").asText())
                .containsExactly("requested", "accepted");
    }

    @Test
    void aDeliveryCanBeReplayedWithItsWebhookId() {
        ReferralChange requested = ReferralChange.requested(now());
        ReferralEvents.send(requested);
        String referral = requested.referralId.toString();
        await().atMost(WAIT).until(() -> receiver.deliveredFor(referral).size() == 1);
        String deliveryId = Api.as("clinician")
                .queryParam("referralId", referral)
                .get("/api/v1/deliveries")
                .then()
                .extract()
                .path("items[0].id");

        String replay = Api.as("clinician")
                .post("/api/v1/deliveries/{id}/replay", deliveryId)
                .then()
                .statusCode(202)
                .body("replayOf", equalTo(deliveryId))
                .extract()
                .path("id");

        await().atMost(WAIT).until(() -> receiver.deliveredFor(referral).size() == 2);
        List<WebhookReceiver.Received> got = receiver.deliveredFor(referral);
        assertThat(got.get(1).id()).isEqualTo(got.get(0).id());
        Api.as("clinician").get("/api/v1/deliveries/{id}", replay).then().body("state", equalTo("delivered"));
        Api.as("foodbank-staff")
                .post("/api/v1/deliveries/{id}/replay", deliveryId)
                .then()
                .statusCode(404);
    }

    @Test
    void aSubscriptionCannotBeMadeForAnotherOrganizationsReferrals() {
        Api.as("foodbank-staff")
                .body(Map.of("organizationId", "org-eastside-clinic", "url", receiver.url()))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(403);
        Api.as("foodbank-staff")
                .get("/api/v1/webhook-subscriptions/{id}", subscriptionId)
                .then()
                .statusCode(404);
        Api.as("foodbank-staff")
                .queryParam("organizationId", "org-eastside-clinic")
                .get("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(403);
        Api.as("coordinator")
                .body(Map.of("url", receiver.url()))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(403);
        // An operator names the organization.
        Api.as("operator")
                .body(Map.of("url", receiver.url()))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("organizationId"));
    }

    @Test
    void badSubscriptionsAreProblemsNamingTheirFields() {
        Api.as("clinician")
                .body(Map.of(
                        "url", "ftp://partner.example.org/x",
                        "types", List.of(STATUS, "referral.nope", STATUS),
                        "contactEmail", "not an address"))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .contentType(Api.PROBLEM)
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.containsInAnyOrder("url", "types[1]", "types[2]", "contactEmail"));
        Api.as("clinician")
                .body(Map.of("url", "http://no-such-host.invalid/hook"))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
        Api.as("clinician")
                .body(Map.of("overlap", "P30D"))
                .post("/api/v1/webhook-subscriptions/{id}/secret/rotate", subscriptionId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("overlap"));
        Api.as("clinician")
                .queryParam("state", "lost")
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", subscriptionId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        Api.as("clinician")
                .get("/api/v1/webhook-subscriptions/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    /** The alerts that reached the test SMTP server for this test's subscription. */
    private List<jakarta.mail.internet.MimeMessage> pausedAlerts() {
        return org.careloop.notification.email.GreenMailTestResource.received().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("ops@clinic.example")
                                && m.getContent().toString().contains(subscriptionId);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
