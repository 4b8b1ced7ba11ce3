package org.careloop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures: the specification's example, rotation, and what a receiver must refuse. */
class WebhookSignaturesTests {

    // The example of the Standard Webhooks specification and its reference libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsExample() {
        assertThat(WebhookSignatures.sign(SECRET, ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aReceiverWithTheDocumentedAlgorithmVerifiesIt() throws Exception {
        String secret = WebhookSignatures.newSecret();
        String header = WebhookSignatures.header(List.of(secret), "msg_1", 1700000000L, "{\"a\":1}");

        assertThat(independentlyVerified(secret, "msg_1", "1700000000", "{\"a\":1}", header))
                .isTrue();
        assertThat(independentlyVerified(secret, "msg_1", "1700000001", "{\"a\":1}", header))
                .isFalse();
        assertThat(independentlyVerified(secret, "msg_1", "1700000000", "{\"a\":2}", header))
                .isFalse();
    }

    @Test
    void duringARotationBothSecretsVerify() {
        String old = WebhookSignatures.newSecret();
        String fresh = WebhookSignatures.newSecret();
        String header = WebhookSignatures.header(List.of(fresh, old), "msg_2", 1700000000L, "{}");

        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(WebhookSignatures.verify(fresh, "msg_2", 1700000000L, "{}", header))
                .isTrue();
        assertThat(WebhookSignatures.verify(old, "msg_2", 1700000000L, "{}", header))
                .isTrue();
        assertThat(WebhookSignatures.verify(WebhookSignatures.newSecret(), "msg_2", 1700000000L, "{}", header))
                .isFalse();
    }

    @Test
    void secretsAreFreshAndWellFormed() {
        String a = WebhookSignatures.newSecret();
        String b = WebhookSignatures.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
    }

    /** The README's recipe: HMAC-SHA256 of "id.timestamp.body" keyed with the base64-decoded secret. */
    static boolean independentlyVerified(String secret, String id, String timestamp, String body, String header)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        for (String signature : header.split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }
}
