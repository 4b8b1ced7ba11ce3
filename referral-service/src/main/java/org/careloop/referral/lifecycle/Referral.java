package org.careloop.referral.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A referral of one need of a screened patient to one community service: the SDOHCC Task for Referral Management.
 * Its status only changes through {@link #changeStatus}; {@code version} guards against concurrent changes.
 */
@Entity
@Table(name = "referral")
public class Referral {

    // Generated on persist: with an id already set and a version of 1, Hibernate would take the new referral
    // for a detached one.
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Version
    @Column(nullable = false)
    private Long version;

    @Column(nullable = false)
    private ReferralStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "screening_id", nullable = false)
    private UUID screeningId;

    @Column(name = "need_id", nullable = false)
    private UUID needId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(nullable = false)
    private String category;

    @Column(name = "requester_organization_id", nullable = false)
    private String requesterOrganizationId;

    @Column(name = "owner_organization_id")
    private String ownerOrganizationId;

    @Column(name = "service_id")
    private String serviceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Referral() {}

    /** A new referral, ready for its owner to act on: status {@code requested}, version 1; its id is set on persist. */
    public static Referral requested(
            UUID screeningId,
            UUID needId,
            String patientId,
            String category,
            String requesterOrganizationId,
            String ownerOrganizationId,
            String serviceId,
            Instant now) {
        Referral referral = new Referral();
        referral.version = 1L;
        referral.status = ReferralStatus.REQUESTED;
        referral.screeningId = screeningId;
        referral.needId = needId;
        referral.patientId = patientId;
        referral.category = category;
        referral.requesterOrganizationId = requesterOrganizationId;
        referral.ownerOrganizationId = ownerOrganizationId;
        referral.serviceId = serviceId;
        referral.createdAt = now;
        referral.updatedAt = now;
        return referral;
    }

    /**
     * Moves the referral to {@code to}; the caller has checked the change against {@link TransitionPolicy}. The
     * version increases when the change is flushed.
     *
     * @return the status before the change
     */
    public ReferralStatus changeStatus(ReferralStatus to, String reason, Instant now) {
        ReferralStatus from = status;
        status = to;
        statusReason = reason;
        updatedAt = now;
        return from;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public ReferralStatus status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public UUID screeningId() {
        return screeningId;
    }

    public UUID needId() {
        return needId;
    }

    public String patientId() {
        return patientId;
    }

    public String category() {
        return category;
    }

    public String requesterOrganizationId() {
        return requesterOrganizationId;
    }

    public String ownerOrganizationId() {
        return ownerOrganizationId;
    }

    public String serviceId() {
        return serviceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
