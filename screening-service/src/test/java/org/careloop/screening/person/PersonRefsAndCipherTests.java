package org.careloop.screening.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pseudonymous references and the encryption of people's details, without a database. */
class PersonRefsAndCipherTests {

    private static String key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void aReferenceIsStableForOnePersonAtOneClinicAndDiffersBetweenClinicsAndKeys() {
        String key = key();
        PersonRefs refs = PersonRefs.fromBase64(key);
        String ref = refs.of("org-eastside-clinic", "patient-42");
        assertThat(ref).matches(PersonRefs.SHAPE.pattern()).doesNotContain("patient-42");
        assertThat(PersonRefs.fromBase64(key).of("org-eastside-clinic", "patient-42"))
                .isEqualTo(ref);
        assertThat(refs.of("org-westside-clinic", "patient-42")).isNotEqualTo(ref);
        assertThat(refs.of("org-eastside-clinic", "patient-43")).isNotEqualTo(ref);
        // Without the key, a guessable identifier cannot be turned into its reference.
        assertThat(PersonRefs.fromBase64(key()).of("org-eastside-clinic", "patient-42"))
                .isNotEqualTo(ref);
        // The separator keeps ids apart: ("a", "b\nc") is not ("a\nb", "c").
        assertThat(refs.of("a:b", "c")).isNotEqualTo(refs.of("a", "b:c"));
        assertThat(PersonRefs.isRef(ref)).isTrue();
        assertThat(PersonRefs.isRef("patient-42")).isFalse();
    }

    @Test
    void aShortPseudonymKeyIsRefused() {
        assertThatThrownBy(() -> PersonRefs.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void detailsAreEncryptedWithAFreshNonceAndBoundToTheirPerson() {
        DetailsCipher cipher = new DetailsCipher("k1:" + key(), List.of());
        String ref = "p1-" + "A".repeat(43);
        String sealed = cipher.encrypt("{\"phone\":\"+16175550100\"}", ref);
        assertThat(sealed).startsWith("k1:").doesNotContain("6175550100");
        assertThat(cipher.encrypt("{\"phone\":\"+16175550100\"}", ref)).isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, ref)).isEqualTo("{\"phone\":\"+16175550100\"}");
        // Copied onto another person's row, the value does not decrypt.
        assertThatThrownBy(() -> cipher.decrypt(sealed, "p1-" + "B".repeat(43)))
                .isInstanceOf(IllegalStateException.class);
        // Nor does a tampered one.
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered, ref)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationTheOldKeyStillDecryptsAndTheNewOneEncrypts() {
        String old = "k1:" + key();
        String ref = "p1-" + "C".repeat(43);
        String sealedWithOld = new DetailsCipher(old, List.of()).encrypt("secret", ref);
        DetailsCipher rotated = new DetailsCipher("k2:" + key(), List.of(old));
        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(DetailsCipher.keyIdOf(sealedWithOld)).isEqualTo("k1");
        assertThat(rotated.decrypt(sealedWithOld, ref)).isEqualTo("secret");
        assertThat(DetailsCipher.keyIdOf(rotated.encrypt("secret", ref))).isEqualTo("k2");
        // Once the old key is dropped from configuration, its values no longer decrypt: re-encrypt first.
        assertThatThrownBy(() -> new DetailsCipher("k2:" + key(), List.of()).decrypt(sealedWithOld, ref))
                .hasMessageContaining("'k1'");
    }

    @Test
    void malformedKeysStopTheServiceWithTheKeysName() {
        assertThatThrownBy(() -> new DetailsCipher("nokeyid", List.of()))
                .hasMessageContaining("careloop.privacy.encryption-key");
        assertThatThrownBy(() -> new DetailsCipher("k1:" + Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .hasMessageContaining("32 bytes");
        String k = "k1:" + key();
        assertThatThrownBy(() -> new DetailsCipher(k, List.of(k))).hasMessageContaining("used twice");
    }

    @Test
    void theCoarseLocationIsThreeCharactersOfThePostalCode() {
        assertThat(new PersonDetails(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new PersonDetails.Address(null, null, null, "02118-4433", "US"),
                                null,
                                null)
                        .postalArea())
                .isEqualTo("021");
        assertThat(new PersonDetails(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                new PersonDetails.Address(null, null, null, "sw1a 1aa", "GB"),
                                null,
                                null)
                        .postalArea())
                .isEqualTo("SW1");
        assertThat(PersonDetails.of("x").postalArea()).isNull();
    }

    @Test
    void thePostalCodeIsTheFiveDigitsOfAZipCode() {
        assertThat(withPostalCode("02118-4433").postalCode()).isEqualTo("02118");
        assertThat(withPostalCode(" 021184433 ").postalCode()).isEqualTo("02118");
        assertThat(withPostalCode("02118").postalCode()).isEqualTo("02118");
        assertThat(withPostalCode("sw1a 1aa").postalCode()).isNull();
        assertThat(withPostalCode("0211").postalCode()).isNull();
        assertThat(PersonDetails.of("x").postalCode()).isNull();
    }

    private static PersonDetails withPostalCode(String code) {
        return new PersonDetails(
                null,
                null,
                null,
                null,
                null,
                null,
                new PersonDetails.Address(null, null, null, code, "US"),
                null,
                null);
    }
}
