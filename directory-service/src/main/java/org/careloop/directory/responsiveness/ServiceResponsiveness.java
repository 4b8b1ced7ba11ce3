package org.careloop.directory.responsiveness;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Counts of how a service's organization answered the referrals requested of it. */
@Entity
@Table(name = "service_responsiveness")
public class ServiceResponsiveness {

    @Id
    @Column(name = "service_id")
    public String serviceId;

    public int offered;

    public int accepted;

    public int rejected;

    public int recalled;

    @Column(nullable = false)
    public Instant updatedAt;

    public ServiceResponsiveness() {}

    public ServiceResponsiveness(String serviceId) {
        this.serviceId = serviceId;
    }

    /** Counts one response. */
    public void count(ResponseKind kind) {
        switch (kind) {
            case ACCEPTED -> accepted++;
            case REJECTED -> rejected++;
            case RECALLED -> recalled++;
            case NONE -> {
                // Answered on the organization's behalf, or withdrawn: says nothing about the organization.
            }
        }
    }
}
