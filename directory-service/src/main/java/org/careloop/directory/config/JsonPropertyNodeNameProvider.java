package org.careloop.directory.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names validation paths after the JSON the client sent: a record component annotated
 * {@code @JsonProperty("minimum_age")} is reported as {@code minimum_age}, not {@code minimumAge}, so the problem
 * response points at the field the client actually wrote. Names without the annotation are unchanged.
 */
@ApplicationScoped
public class JsonPropertyNodeNameProvider implements PropertyNodeNameProvider {

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            JsonProperty json = jsonProperty(bean.getDeclaringClass(), property.getName());
            if (json != null && !json.value().isEmpty()) {
                return json.value();
            }
        }
        return property.getName();
    }

    private static JsonProperty jsonProperty(Class<?> type, String name) {
        try {
            // Record component annotations propagate to the private field of the same name.
            return type.getDeclaredField(name).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
