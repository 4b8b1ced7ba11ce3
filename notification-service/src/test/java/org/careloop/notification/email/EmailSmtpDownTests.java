package org.careloop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.careloop.notification.Api;
import org.careloop.notification.delivery.Attempt;
import org.careloop.notification.delivery.Destination;
import org.careloop.notification.delivery.Notice;
import org.careloop.notification.delivery.NoticeTypes;
import org.careloop.notification.email.channel.EmailChannel;
import org.junit.jupiter.api.Test;

/** With no SMTP server where the mailer points, a delivery is a failed, retryable attempt, not an exception. */
@QuarkusTest
@TestProfile(SmtpDownProfile.class)
class EmailSmtpDownTests {

    @Inject
    EmailChannel channel;

    @Test
    void anUnreachableServerIsAFailedAttemptWithoutTheAddress() {
        Notice notice = Notices.of(NoticeTypes.REFERRAL_RECALLED, "org-foodbank", "cancelled", "requested");
        Destination destination = new Destination("email", "intake@foodbank.example.org", "org-foodbank", "en");

        Attempt attempt = channel.deliver(notice, destination, UUID.randomUUID(), 1)
                .await()
                .atMost(Api.WAIT);

        assertThat(attempt.delivered()).isFalse();
        assertThat(attempt.retryable()).isTrue();
        assertThat(attempt.error()).startsWith("smtp: ").doesNotContain("intake", "foodbank");
        assertThat(attempt.latencyMillis()).isNotNegative();
    }
}
