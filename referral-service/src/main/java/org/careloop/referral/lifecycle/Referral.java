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
import org.careloop.contracts.codes.ActorRoles;
import org.hibernate.annotations.OptimisticLock;

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

    @Column(nullable = false)
    private int attempt;

    @Column(name = "previous_referral_id")
    private UUID previousReferralId;

    @Column(name = "status_reason_code")
    private String statusReasonCode;

    private String outcome;

    @Column(name = "requested_at")
    private Instant requestedAt;

    // Chases are marks, not changes: they neither bump the version nor publish an event, so a recall scheduled for
    // version n still finds version n after the reminder and the escalation.
    @OptimisticLock(excluded = true)
    @Column(name = "reminded_at")
    private Instant remindedAt;

    @OptimisticLock(excluded = true)
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @Column(name = "changed_by_role", nullable = false)
    private String changedByRole;

    @Column(name = "do_not_contact", nullable = false)
    private boolean doNotContact;

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
        return requested(
                screeningId,
                needId,
                patientId,
                category,
                requesterOrganizationId,
                ownerOrganizationId,
                serviceId,
                1,
                null,
                ActorRoles.SYSTEM,
                now);
    }

    /**
     * Attempt {@code attempt} at a need, following {@code previousReferralId}: status {@code requested}, version 1.
     *
     * @param changedByRole who made it: {@code system} (routing) or {@code coordinator} (assigned by hand)
     */
    public static Referral requested(
            UUID screeningId,
            UUID needId,
            String patientId,
            String category,
            String requesterOrganizationId,
            String ownerOrganizationId,
            String serviceId,
            int attempt,
            UUID previousReferralId,
            String changedByRole,
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
        referral.requestedAt = now;
        referral.attempt = attempt;
        referral.previousReferralId = previousReferralId;
        referral.changedByRole = changedByRole;
        return referral;
    }

    /**
     * Attempt {@code attempt} at a need, proposed to the requesting clinic for review with the person instead of being
     * sent: status {@code draft}, version 1, no acknowledgement clock ({@code requestedAt} stays null until it is sent).
     * Its owner and service are the proposal; they are not disclosed until the clinic sends it.
     */
    public static Referral draft(
            UUID screeningId,
            UUID needId,
            String patientId,
            String category,
            String requesterOrganizationId,
            String ownerOrganizationId,
            String serviceId,
            int attempt,
            UUID previousReferralId,
            Instant now) {
        Referral referral = requested(
                screeningId,
                needId,
                patientId,
                category,
                requesterOrganizationId,
                ownerOrganizationId,
                serviceId,
                attempt,
                previousReferralId,
                ActorRoles.SYSTEM,
                now);
        referral.status = ReferralStatus.DRAFT;
        referral.requestedAt = null;
        return referral;
    }

    /** Whether organizations must not contact the person, as the screening said. */
    public Referral withDoNotContact(boolean prohibited) {
        doNotContact = prohibited;
        return this;
    }

    /**
     * Sends a draft the clinic reviewed to {@code serviceId} of {@code ownerOrganizationId} (its proposal or another
     * service): status {@code requested}, by the requester; the acknowledgement clock starts now. The caller checked
     * that it is a draft and that the person's consent covers the organization.
     *
     * @return the status before
     */
    public ReferralStatus send(String serviceId, String ownerOrganizationId, Instant now) {
        this.serviceId = serviceId;
        this.ownerOrganizationId = ownerOrganizationId;
        return changeStatus(ReferralStatus.REQUESTED, null, null, null, ActorRoles.REQUESTER, now);
    }

    /**
     * Whether the referral was ever sent to its owner (it left {@code draft}): only then may the owner organization see
     * it, and only then do events name the organization and the service.
     */
    public boolean disclosed() {
        return requestedAt != null;
    }

    /**
     * Moves the referral to {@code to}; the caller has checked the change against {@link TransitionPolicy}. The
     * version increases when the change is flushed.
     *
     * @return the status before the change
     */
    public ReferralStatus changeStatus(ReferralStatus to, String reason, Instant now) {
        return changeStatus(to, reason, null, null, ActorRoles.SYSTEM, now);
    }

    /**
     * Moves the referral to {@code to} with a coded reason and, for {@code completed}, a coded outcome; the caller
     * has checked the change. The version increases when the change is flushed.
     *
     * @param changedByRole who made the change, see {@link ActorRoles}
     * @return the status before the change
     */
    public ReferralStatus changeStatus(
            ReferralStatus to, String reason, String reasonCode, String outcome, String changedByRole, Instant now) {
        ReferralStatus from = status;
        status = to;
        statusReason = reason;
        statusReasonCode = reasonCode;
        if (outcome != null) {
            this.outcome = outcome;
        }
        this.changedByRole = changedByRole;
        updatedAt = now;
        if (to == ReferralStatus.REQUESTED && requestedAt == null) {
            requestedAt = now;
        }
        return from;
    }

    /** Records a reminder sent to the owner; the first one counts. Not a change: no new version. */
    public boolean markReminded(Instant at) {
        if (remindedAt != null) {
            return false;
        }
        remindedAt = at;
        return true;
    }

    /** Records an escalation to coordinators; the first one counts. Not a change: no new version. */
    public boolean markEscalated(Instant at) {
        if (escalatedAt != null) {
            return false;
        }
        escalatedAt = at;
        return true;
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

    public int attempt() {
        return attempt;
    }

    public UUID previousReferralId() {
        return previousReferralId;
    }

    public String statusReasonCode() {
        return statusReasonCode;
    }

    public String outcome() {
        return outcome;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant remindedAt() {
        return remindedAt;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String changedByRole() {
        return changedByRole;
    }

    public boolean doNotContact() {
        return doNotContact;
    }
}
