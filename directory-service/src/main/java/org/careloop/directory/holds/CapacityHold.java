package org.careloop.directory.holds;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.careloop.directory.responsiveness.ResponseKind;

/**
 * A place held for a need at a service, and the referral that claimed it: the last referral version applied (the
 * version guard) and how the service's organization first responded to it (responsiveness). Changed only while the
 * service's row is locked.
 */
@Entity
@Table(name = "capacity_hold")
public class CapacityHold {

    @Id
    public UUID id;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(name = "need_id", nullable = false)
    public UUID needId;

    public UUID screeningId;

    @Column(nullable = false)
    public String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoldState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoldOrigin origin;

    /** The match request the hold was taken for, when it answered one. */
    public UUID matchRequestId;

    /** The referral that claimed the hold; null while unclaimed. */
    public UUID referralId;

    /** The last referral version applied; events at or below it change nothing. */
    public Long referralVersion;

    /** The referral status of that version. */
    public String referralStatus;

    /** When the referral was requested of the organization, for the time to acknowledge. */
    public Instant requestedAt;

    /** Whether the referral was counted as offered to the service. */
    public boolean offered;

    /** The organization's first response, once known (counted once). */
    @Enumerated(EnumType.STRING)
    public ResponseKind response;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    /** When an unclaimed tentative hold gives its place back. */
    public Instant expiresAt;

    public Instant releasedAt;

    /** The referral status that ended the hold, or {@code expired}. */
    public String releaseReason;

    public CapacityHold() {}

    /** Moves the hold to {@code next}; a release records when and why. */
    public void moveTo(HoldState next, String reason, Instant at) {
        if (next == HoldState.RELEASED && state != HoldState.RELEASED) {
            releasedAt = at;
            releaseReason = reason;
        }
        state = next;
        updatedAt = at;
    }
}
