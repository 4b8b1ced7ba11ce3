package org.careloop.screening.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A completed screening of one patient by one clinic organization; answers, needs and consent refer to it. */
@Entity
@Table(name = "screening")
public class Screening {

    @Id
    public UUID id;

    /**
     * The clinic's own identifier, as versions before pseudonymisation stored it; null once the service has moved it
     * into the person's encrypted details (every new screening).
     */
    @Column(name = "patient_id")
    public String patientId;

    /** The person's pseudonymous reference. */
    @Column(name = "person_ref")
    public String personRef;

    @Column(name = "requester_organization_id", nullable = false)
    public String requesterOrganizationId;

    @Column(nullable = false)
    public String instrument;

    @Column(name = "instrument_version", nullable = false)
    public String instrumentVersion;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;
}
