package org.careloop.directory.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.careloop.directory.availability.Availability;

/**
 * HSDS 3.1 {@code service_capacity}: the places of a unit a service reported free, and the places referrals hold
 * against that report. CareLoop keeps one capacity per service; HSDS would allow one per unit.
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

    /** Places the last report said were free (HSDS {@code available} as reported). */
    @Column(name = "reported_available", nullable = false)
    public int reportedAvailable;

    public Integer maximum;

    /** Places free with no hold open: the reported figure plus the places held when it was reported. */
    @Column(nullable = false)
    public int baseline;

    /** Places held by open holds (tentative or firm). */
    @Column(nullable = false)
    public int held;

    /** When the figures were last reported (holds do not change it). */
    @Column(nullable = false)
    public Instant updated;

    public ServiceCapacity() {}

    public ServiceCapacity(String serviceId, String unit, int reportedAvailable, Integer maximum) {
        this.serviceId = serviceId;
        this.unit = unit;
        this.reportedAvailable = reportedAvailable;
        this.maximum = maximum;
    }

    /** Places free now, after holds. */
    public int available() {
        return Availability.available(baseline, held, maximum);
    }

    /** Whether the reported figures equal those of {@code other}; holds and timestamps are not part of a report. */
    public boolean sameReportAs(ServiceCapacity other) {
        return Objects.equals(unit, other.unit)
                && reportedAvailable == other.reportedAvailable
                && Objects.equals(maximum, other.maximum);
    }

    /** Takes a new report: the figures, and a baseline that counts the places held now on top of them. */
    public void report(String unit, int reportedAvailable, Integer maximum, Instant at) {
        this.unit = unit;
        this.reportedAvailable = reportedAvailable;
        this.maximum = maximum;
        this.baseline = Availability.baseline(reportedAvailable, held);
        this.updated = at;
    }
}
