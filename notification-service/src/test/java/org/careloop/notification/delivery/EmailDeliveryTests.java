package org.careloop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.notification.Api;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.ReferralEvents;
import org.careloop.notification.email.GreenMailTestResource;
import org.junit.jupiter.api.Test;

/** Through the delivery core: a referral sent to an organization that opted in to e-mail reaches its inbox, once. */
@QuarkusTest
class EmailDeliveryTests {

    @Test
    void aNewReferralIsEMailedToTheOrganizationThatOptedIn() throws Exception {
        String organization = "org-mail-" + UUID.randomUUID().toString().substring(0, 8);
        String address = "intake@" + organization + ".example";
        Api.as("coordinator")
                .body(Map.of("address", address, "enabled", true, "language", "es"))
                .put("/api/v1/organizations/{id}/email-settings", organization)
                .then()
                .statusCode(200);
        ReferralChange requested = ReferralChange.requested(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        requested.owner = organization;

        ReferralEvents.send(requested);

        await().atMost(Duration.ofSeconds(30)).until(() -> to(address).size() == 1);
        MimeMessage mail = to(address).getFirst();
        String text = mail.getContent().toString();
        assertThat(text).contains(requested.referralId.toString()).doesNotContain("patient");
        assertThat(mail.getHeader("X-CareLoop-Notice-Type")[0]).isEqualTo("referral.requested");
        Api.as("coordinator")
                .queryParam("referralId", requested.referralId)
                .queryParam("channel", "email")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].state", equalTo("delivered"))
                .body("items[0].type", equalTo("referral.requested"))
                .body("items[0].lastStatus", equalTo(250));
        // The clinic's status-changed notice is not for e-mail unless it opted in.
        Thread.sleep(500);
        assertThat(to(address)).hasSize(1);
    }

    private static List<MimeMessage> to(String address) {
        return GreenMailTestResource.received().stream()
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(address);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .toList();
    }
}
