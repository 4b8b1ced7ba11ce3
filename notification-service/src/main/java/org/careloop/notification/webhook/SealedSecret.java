package org.careloop.notification.webhook;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a webhook secret sealed ({@link SecretCipher}) and reads it back in the clear. */
@Converter
public class SealedSecret implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String plain) {
        return plain == null ? null : SecretCipher.instance().seal(plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return SecretCipher.instance().open(stored);
    }
}
