package org.careloop.directory.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * HSDS 3.1 {@code service_capacity}: how many places of a unit a service has free right now. CareLoop keeps one
 * capacity per service until capacity holds arrive; HSDS would allow one per unit.
 */
@Entity
@Table(name = "service_capacity")
public class ServiceCapacity {

    @Id
    public UUID id;

    @Column(name = "service_id", nullable = false, unique = true)
    public String serviceId;

    /** What is counted, e.g. {@code household} or {@code bed}. */
    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public int available;

    public Integer maximum;

    /** When {@code available} or {@code maximum} last changed. */
    @Column(nullable = false)
    public Instant updated;

    public ServiceCapacity() {}

    public ServiceCapacity(String serviceId, String unit, int available, Integer maximum) {
        this.serviceId = serviceId;
        this.unit = unit;
        this.available = available;
        this.maximum = maximum;
    }

    public boolean sameContentAs(ServiceCapacity other) {
        return Objects.equals(unit, other.unit)
                && available == other.available
                && Objects.equals(maximum, other.maximum);
    }

    public void copyContentFrom(ServiceCapacity other) {
        unit = other.unit;
        available = other.available;
        maximum = other.maximum;
    }
}
