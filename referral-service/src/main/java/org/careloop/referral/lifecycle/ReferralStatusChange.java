package org.careloop.referral.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of a referral's status history: the change that produced a given version. Never updated. */
@Entity
@Table(name = "referral_status_history")
public class ReferralStatusChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "referral_id", nullable = false)
    private UUID referralId;

    @Column(nullable = false)
    private long version;

    @Column(name = "from_status")
    private ReferralStatus fromStatus;

    @Column(name = "to_status", nullable = false)
    private ReferralStatus toStatus;

    private String reason;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "reason_code")
    private String reasonCode;

    @Column(name = "changed_by_role")
    private String changedByRole;

    protected ReferralStatusChange() {}

    /**
     * @param version the referral's version this change produced
     * @param fromStatus the status before, null on creation
     */
    public ReferralStatusChange(
            UUID referralId,
            long version,
            ReferralStatus fromStatus,
            ReferralStatus toStatus,
            String reason,
            String changedBy,
            Instant changedAt) {
        this.referralId = referralId;
        this.version = version;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.reason = reason;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    /**
     * @param reasonCode coded reason, see {@code StatusReasonCodes}, may be null
     * @param changedByRole owner, requester, coordinator or system
     */
    public ReferralStatusChange(
            UUID referralId,
            long version,
            ReferralStatus fromStatus,
            ReferralStatus toStatus,
            String reason,
            String reasonCode,
            String changedBy,
            String changedByRole,
            Instant changedAt) {
        this(referralId, version, fromStatus, toStatus, reason, changedBy, changedAt);
        this.reasonCode = reasonCode;
        this.changedByRole = changedByRole;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String changedByRole() {
        return changedByRole;
    }

    public UUID referralId() {
        return referralId;
    }

    public long version() {
        return version;
    }

    public ReferralStatus fromStatus() {
        return fromStatus;
    }

    public ReferralStatus toStatus() {
        return toStatus;
    }

    public String reason() {
        return reason;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
