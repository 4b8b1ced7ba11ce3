package org.careloop.notification.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A signing secret of a subscription: current (no expiry) or rotated out (signing beside the new one until expiry). */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecret {

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** {@code whsec_} and the base64 of the key; stored sealed ({@link SealedSecret}). */
    @Convert(converter = SealedSecret.class)
    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean validAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
