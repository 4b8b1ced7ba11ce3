package org.careloop.notification.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A directory service as {@code capacity-changed} last reported it: replicated so that policies and calendars can be
 * set only for organizations the directory knows. Only the latest version of a service is kept.
 */
@Entity
@Table(name = "known_service")
public class KnownService {

    @Id
    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "service_status")
    public String serviceStatus;

    public long version;

    @Column(name = "changed_at")
    public Instant changedAt;

    public KnownService() {}

    public KnownService(String serviceId) {
        this.serviceId = serviceId;
    }
}
