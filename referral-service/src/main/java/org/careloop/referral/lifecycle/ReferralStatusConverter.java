package org.careloop.referral.lifecycle;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status as its SDOHCC code, so the database reads like the API and the events. */
@Converter(autoApply = true)
public class ReferralStatusConverter implements AttributeConverter<ReferralStatus, String> {

    @Override
    public String convertToDatabaseColumn(ReferralStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public ReferralStatus convertToEntityAttribute(String code) {
        return code == null
                ? null
                : ReferralStatus.fromCode(code)
                        .orElseThrow(() -> new IllegalStateException("Unknown status in the database: " + code));
    }
}
