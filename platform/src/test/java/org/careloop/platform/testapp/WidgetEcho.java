package org.careloop.platform.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What the test consumer wrote for each applied event. */
@Entity
@Table(name = "widget_echo")
public class WidgetEcho {
    @Id
    public UUID eventId;

    public UUID widgetId;
    public String name;
}
