package org.careloop.screening.disclosure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What the referral service last published about a referral: who it is assigned to and its status. The person's
 * contact details go to the assigned organization only while the referral is open.
 */
@Entity
@Table(name = "referral_access")
public class ReferralAccess {

    /** Statuses in which the assigned organization works with the person. */
    public static final Set<String> OPEN = Set.of("requested", "accepted", "in-progress", "on-hold");

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "person_ref", nullable = false)
    public String personRef;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    @Column(name = "requester_organization_id", nullable = false)
    public String requesterOrganizationId;

    @Column(name = "owner_organization_id")
    public String ownerOrganizationId;

    @Column(nullable = false)
    public String status;

    @Column(name = "referral_version", nullable = false)
    public long referralVersion;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean open() {
        return OPEN.contains(status);
    }
}
