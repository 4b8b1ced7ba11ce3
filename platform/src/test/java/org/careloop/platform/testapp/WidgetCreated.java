package org.careloop.platform.testapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** Event data of the test application. */
public record WidgetCreated(
        @NotNull UUID widgetId, @NotBlank String name) {
    public static final String TOPIC = "widget-events";
    public static final String TYPE = "org.careloop.test.widget-created.v1";
}
