package org.careloop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sealing stored webhook secrets: round trip, key rotation, refusals. */
class SecretCipherTests {

    private static final String K1 = "k1:" + key();
    private static final String K2 = "k2:" + key();

    @Test
    void aSealedSecretOpensAndShowsNothingOfItself() {
        SecretCipher cipher = new SecretCipher(K1, List.of());
        String secret = WebhookSignatures.newSecret();

        String sealed = cipher.seal(secret);

        assertThat(sealed).startsWith("enc:v1:k1:").doesNotContain(secret.substring(6, 20));
        assertThat(cipher.seal(secret)).isNotEqualTo(sealed); // a fresh IV each time
        assertThat(cipher.open(sealed)).isEqualTo(secret);
        assertThat(cipher.open(secret)).as("stored before sealing").isEqualTo(secret);
    }

    @Test
    void afterARotationThePreviousKeyStillOpensWhatItSealed() {
        String sealedWithK1 = new SecretCipher(K1, List.of()).seal("whsec_abc");
        SecretCipher rotated = new SecretCipher(K2, List.of(K1));

        assertThat(rotated.open(sealedWithK1)).isEqualTo("whsec_abc");
        assertThat(rotated.seal("whsec_abc")).startsWith("enc:v1:k2:");
        assertThatThrownBy(() -> new SecretCipher(K2, List.of()).open(sealedWithK1))
                .hasMessageContaining("'k1'");
    }

    @Test
    void malformedKeysAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new SecretCipher("no-colon", List.of()))
                .hasMessageContaining("careloop.webhooks.secret-key");
        assertThatThrownBy(() -> new SecretCipher("k1:" + Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretCipher(K1, List.of("k0:!!")))
                .hasMessageContaining("careloop.webhooks.previous-secret-keys");
    }

    private static String key() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
