package org.careloop.directory.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link ServiceStatus} with its HSDS spelling, which the database check constraint also lists. */
@Converter(autoApply = true)
public class ServiceStatusConverter implements AttributeConverter<ServiceStatus, String> {

    @Override
    public String convertToDatabaseColumn(ServiceStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public ServiceStatus convertToEntityAttribute(String code) {
        return code == null ? null : ServiceStatus.fromCode(code);
    }
}
