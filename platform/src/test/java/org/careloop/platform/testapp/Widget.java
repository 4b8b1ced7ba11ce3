package org.careloop.platform.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

/** Aggregate of the platform's test application. */
@Entity
public class Widget {
    @Id
    public UUID id;

    public String name;
}
