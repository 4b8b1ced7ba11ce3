package org.careloop.notification.deadline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The time by which the owner organization must acknowledge a requested referral. A row whose {@code state} is null
 * only remembers the last referral version seen, so that late, older events cannot open a deadline.
 */
@Entity
@Table(name = "acknowledgement_deadline")
public class AcknowledgementDeadline {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "owner_organization_id")
    public String ownerOrganizationId;

    public String category;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public DeadlineState state;

    @Column(name = "last_version", nullable = false)
    public long lastVersion;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_status")
    public String resolvedStatus;

    /** Who made the change that closed it ({@code ActorRoles}); null while open or from an older producer. */
    @Column(name = "resolved_by_role")
    public String resolvedByRole;

    /** Which acknowledgement policy set the due time: {@code default} or {@code organization}. */
    public String policy;

    public AcknowledgementDeadline() {}

    public AcknowledgementDeadline(UUID referralId) {
        this.referralId = referralId;
    }

    /** Whether this row is a deadline at all, rather than a version marker for a referral never seen requested. */
    public boolean exists() {
        return state != null;
    }

    /** Open and past its due time. */
    public boolean isOverdue(Instant now) {
        return state == DeadlineState.OPEN && dueAt.isBefore(now);
    }
}
