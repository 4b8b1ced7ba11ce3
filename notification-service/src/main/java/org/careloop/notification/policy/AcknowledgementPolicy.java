package org.careloop.notification.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored acknowledgement policy: the default (organization id {@value #DEFAULT_KEY}) or one organization's own. */
@Entity
@Table(name = "acknowledgement_policy")
public class AcknowledgementPolicy {

    /** Key of the default policy; organization ids are never blank. */
    public static final String DEFAULT_KEY = "";

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "remind_after")
    public String remindAfter;

    @Column(name = "escalate_after")
    public String escalateAfter;

    @Column(name = "recall_after")
    public String recallAfter;

    @Column(name = "outcome_update_after")
    public String outcomeUpdateAfter;

    @Column(name = "contact_window")
    public String contactWindow;

    @Column(name = "contact_warning_before")
    public String contactWarningBefore;

    @Column(name = "business_time")
    public boolean businessTime;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Who stored it: the caller's user name, or {@code configuration} for the seeded default. */
    @Column(name = "updated_by")
    public String updatedBy;

    public AcknowledgementPolicy() {}

    public boolean isDefault() {
        return DEFAULT_KEY.equals(organizationId);
    }

    /** The durations; stored values were validated before they were written. */
    public PolicySettings settings() {
        return new PolicySettings(
                stored(remindAfter),
                stored(escalateAfter),
                stored(recallAfter),
                stored(outcomeUpdateAfter),
                stored(contactWindow),
                stored(contactWarningBefore),
                businessTime);
    }

    private static ChaseDuration stored(String text) {
        return ChaseDuration.parse(text)
                .orElseThrow(() -> new IllegalStateException("Stored policy duration is invalid: " + text));
    }
}
