package org.careloop.notification.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A partner system's endpoint for some notice types about one organization's referrals. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public String organizationId;

    public String url;

    /** Notice types, comma-separated. */
    public String types;

    public String description;

    /** Who to tell when the subscription is paused for failing deliveries. */
    @Column(name = "contact_email")
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    public SubscriptionState state;

    @Column(name = "paused_reason")
    public String pausedReason;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public Long version;

    public List<String> typeList() {
        return Arrays.asList(types.split(","));
    }
}
