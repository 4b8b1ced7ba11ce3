package org.careloop.referral.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.referral.routing.NextCandidate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A service as the directory last published it on {@code capacity-changed}: the referral service's replica of which
 * services exist, which organization runs them, whether they are active and how many places they have. Used to skip
 * candidates that filled up since they were matched and to check a coordinator's assignment.
 */
@Entity
@Table(name = "known_service")
public class KnownService implements NextCandidate.Availability {

    @Id
    @Column(name = "service_id")
    private String serviceId;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    @Column(name = "service_status", nullable = false)
    private String serviceStatus;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    private List<String> categories;

    private Integer available;

    @Column(nullable = false)
    private long version;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected KnownService() {}

    public static KnownService of(CapacityChanged event) {
        KnownService service = new KnownService();
        service.serviceId = event.serviceId();
        service.apply(event);
        return service;
    }

    /** Takes the event's state when it is newer than what is known; returns whether it was. */
    public boolean apply(CapacityChanged event) {
        if (changedAt != null && event.version() <= version) {
            return false;
        }
        organizationId = event.organizationId();
        serviceStatus = event.serviceStatus();
        categories = List.copyOf(event.categories());
        available = event.available();
        version = event.version();
        changedAt = event.changedAt();
        return true;
    }

    /** Whether the service takes referrals now: active, with capacity published and a place free. */
    @Override
    public boolean hasPlaces() {
        return isActive() && available != null && available > 0;
    }

    public boolean isActive() {
        return "active".equals(serviceStatus);
    }

    public String serviceId() {
        return serviceId;
    }

    public String organizationId() {
        return organizationId;
    }

    public String serviceStatus() {
        return serviceStatus;
    }

    public List<String> categories() {
        return categories;
    }

    public Integer available() {
        return available;
    }

    public long version() {
        return version;
    }
}
