package org.careloop.screening.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The patient's decision, recorded with the screening, on sharing its needs with community organizations. */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    @Column(name = "screening_id")
    public UUID screeningId;

    @Column(name = "share_with_community_organizations", nullable = false)
    public boolean shareWithCommunityOrganizations;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** User or client that recorded the consent, for audit. */
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
}
