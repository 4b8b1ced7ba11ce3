package org.careloop.screening.person.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.careloop.screening.person.DetailsCipher;
import org.careloop.screening.person.PersonRefs;

/** The keys of configuration, checked at start: a missing or malformed key stops the service with the key's name. */
public class PrivacyProducer {

    @Produces
    @Singleton
    DetailsCipher cipher(PrivacyConfig config) {
        return new DetailsCipher(config.encryptionKey(), config.previousKeys().orElse(List.of()));
    }

    @Produces
    @Singleton
    PersonRefs refs(PrivacyConfig config) {
        return PersonRefs.fromBase64(config.pseudonymKey());
    }
}
