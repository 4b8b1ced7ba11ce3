package org.careloop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.notification.Api.as;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.notification.Api;
import org.careloop.notification.delivery.Attempt;
import org.careloop.notification.delivery.Destination;
import org.careloop.notification.delivery.Notice;
import org.careloop.notification.delivery.NoticeTypes;
import org.careloop.notification.email.channel.EmailChannel;
import org.junit.jupiter.api.Test;

/** The e-mail channel against a real SMTP server: who opted in, and what arrives. */
@QuarkusTest
@QuarkusTestResource(GreenMailTestResource.class)
class EmailChannelTests {

    /** Personal data that appears nowhere in a notice: none of it may reach an e-mail. */
    private static final List<String> PERSONAL = List.of("Maria", "Garcia", "1961-04-12", "555-0134", "patient");

    @Inject
    EmailChannel channel;

    @Test
    void destinationsAreTheOrganizationsThatOptedInToTheType() throws Throwable {
        String optedIn = organization();
        String disabled = organization();
        put(optedIn, Map.of("address", "intake@" + optedIn + ".example.org", "enabled", true, "language", "es"));
        put(disabled, Map.of("address", "intake@" + disabled + ".example.org", "enabled", false));

        assertThat(destinations(Notices.of(NoticeTypes.REFERRAL_REQUESTED, optedIn, "requested", null)))
                .containsExactly(new Destination("email", "intake@" + optedIn + ".example.org", optedIn, "es"));
        // Not among its (default) types.
        assertThat(destinations(Notices.of(NoticeTypes.REFERRAL_STATUS_CHANGED, optedIn, "accepted", "requested")))
                .isEmpty();
        assertThat(destinations(Notices.of(NoticeTypes.REFERRAL_REQUESTED, disabled, "requested", null)))
                .isEmpty();
        assertThat(destinations(Notices.of(NoticeTypes.REFERRAL_REQUESTED, organization(), "requested", null)))
                .isEmpty();

        put(
                optedIn,
                Map.of(
                        "address",
                        "intake@" + optedIn + ".example.org",
                        "enabled",
                        true,
                        "types",
                        List.of(NoticeTypes.REFERRAL_STATUS_CHANGED)));
        assertThat(destinations(Notices.of(NoticeTypes.REFERRAL_STATUS_CHANGED, optedIn, "accepted", "requested")))
                .hasSize(1);
        assertThat(destinations(Notices.of(NoticeTypes.REFERRAL_REQUESTED, optedIn, "requested", null)))
                .isEmpty();
    }

    @Test
    void aRequestedReferralArrivesInEnglishWithItsLinkAndNoPersonalData() throws Exception {
        String organization = organization();
        Notice notice = Notices.of(NoticeTypes.REFERRAL_REQUESTED, organization, "requested", null);
        UUID deliveryId = UUID.randomUUID();

        Attempt attempt = channel.deliver(notice, destination(organization, "en"), deliveryId, 1)
                .await()
                .atMost(Api.WAIT);

        assertThat(attempt.delivered()).isTrue();
        assertThat(attempt.responseStatus()).isEqualTo(250);
        assertThat(attempt.error()).isNull();
        MimeMessage mail = arrived(deliveryId);
        assertThat(mail.getSubject()).isEqualTo("CareLoop: new referral for food insecurity");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(address(organization));
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@careloop.local");
        assertThat(mail.getHeader(EmailChannel.NOTICE_HEADER))
                .containsExactly(notice.id().toString());
        assertThat(mail.getMessageID()).isEqualTo("<" + deliveryId + "@careloop.local>");
        String body = body(mail);
        assertThat(body)
                .contains("Your organization has a new referral for food insecurity.")
                .contains("Status: requested")
                .contains(notice.referralUrl().toString())
                .contains("/api/v1/organizations/" + organization + "/email-settings");
        assertNoPersonalData(mail, body);
        assertOnlyIdsOf(notice, body);
    }

    @Test
    void aCompletedReferralArrivesInSpanishWithTheOutcomeInWords() throws Exception {
        String organization = organization();
        Notice notice = Notices.of(
                NoticeTypes.REFERRAL_STATUS_CHANGED, organization, "completed", "in-progress", null, "need-resolved");
        UUID deliveryId = UUID.randomUUID();

        Attempt attempt = channel.deliver(notice, destination(organization, "es"), deliveryId, 2)
                .await()
                .atMost(Api.WAIT);

        assertThat(attempt.delivered()).isTrue();
        MimeMessage mail = arrived(deliveryId);
        assertThat(mail.getSubject())
                .isEqualTo("CareLoop: la derivación por inseguridad alimentaria ahora está completada");
        assertThat(mail.getHeader(EmailChannel.ATTEMPT_HEADER)).containsExactly("2");
        String body = body(mail);
        assertThat(body)
                .contains("ahora está completada (antes: en curso).")
                .contains("Resultado: necesidad resuelta")
                .contains(notice.referralUrl().toString())
                .contains("configuración de correo");
        assertNoPersonalData(mail, body);
        assertOnlyIdsOf(notice, body);
    }

    @Test
    void aRetryIsTheSameDeliveryToTheRecipient() throws Exception {
        String organization = organization();
        Notice notice = Notices.of(NoticeTypes.REFERRAL_REMINDER, organization, "requested", null);
        UUID deliveryId = UUID.randomUUID();

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThat(channel.deliver(notice, destination(organization, "en"), deliveryId, attempt)
                            .await()
                            .atMost(Api.WAIT)
                            .delivered())
                    .isTrue();
        }

        await().atMost(Api.WAIT).until(() -> ofDelivery(deliveryId).size() == 2);
        assertThat(ofDelivery(deliveryId))
                .extracting(MimeMessage::getMessageID)
                .containsOnly("<" + deliveryId + "@careloop.local>");
    }

    private static void assertNoPersonalData(MimeMessage mail, String body) throws MessagingException {
        for (String personal : PERSONAL) {
            assertThat(body).doesNotContainIgnoringCase(personal);
            assertThat(mail.getSubject()).doesNotContainIgnoringCase(personal);
        }
        assertThat(body).doesNotContainIgnoringCase("paciente");
    }

    /** Every id-like token of the body (a UUID) is one of the notice's own ids. */
    private static void assertOnlyIdsOf(Notice notice, String body) {
        List<String> ids = java.util.regex.Pattern.compile(
                        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .matcher(body)
                .results()
                .map(java.util.regex.MatchResult::group)
                .distinct()
                .toList();
        assertThat(ids)
                .isNotEmpty()
                .isSubsetOf(notice.id().toString(), notice.referralId().toString());
    }

    private List<Destination> destinations(Notice notice) throws Throwable {
        // As the delivery core asks: inside its transaction.
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> channel.destinations(notice)));
    }

    private static MimeMessage arrived(UUID deliveryId) {
        await().atMost(Api.WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !ofDelivery(deliveryId)
                .isEmpty());
        return ofDelivery(deliveryId).getFirst();
    }

    private static List<MimeMessage> ofDelivery(UUID deliveryId) {
        return GreenMailTestResource.received().stream()
                .filter(m -> {
                    try {
                        String[] header = m.getHeader(EmailChannel.DELIVERY_HEADER);
                        return header != null && header[0].equals(deliveryId.toString());
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String body(MimeMessage mail) throws IOException, MessagingException {
        return mail.getContent().toString();
    }

    private static Destination destination(String organization, String language) {
        return new Destination("email", address(organization), organization, language);
    }

    private static String address(String organization) {
        return "intake@" + organization + ".example.org";
    }

    private static void put(String organization, Map<String, Object> settings) {
        as("coordinator")
                .body(settings)
                .put("/api/v1/organizations/{id}/email-settings", organization)
                .then()
                .statusCode(200);
    }

    private static String organization() {
        return "org-mail-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
