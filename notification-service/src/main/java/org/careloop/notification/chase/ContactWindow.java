package org.careloop.notification.chase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A need's window for contact with a community service provider (MIPS #498): it opens with the need's first requested
 * attempt and is met when any attempt reaches in-progress or completed. A row with neither times nor contact only
 * exists because it was created before being locked.
 */
@Entity
@Table(name = "need_contact_window")
public class ContactWindow {

    @Id
    @Column(name = "need_id")
    public UUID needId;

    /** When the need's first attempt was requested; null until a request is seen. */
    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closes_at")
    public Instant closesAt;

    /** The attempt the pending warning names (the latest requested one). */
    @Column(name = "current_referral_id")
    public UUID currentReferralId;

    @Column(name = "current_attempt")
    public Integer currentAttempt;

    /** When an attempt reached in-progress or completed; the window is met and no warning goes out. */
    @Column(name = "contacted_at")
    public Instant contactedAt;

    @Column(name = "contacted_referral_id")
    public UUID contactedReferralId;

    public ContactWindow() {}

    public boolean isOpen() {
        return openedAt != null && contactedAt == null;
    }
}
