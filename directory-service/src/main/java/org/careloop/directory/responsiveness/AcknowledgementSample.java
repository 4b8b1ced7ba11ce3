package org.careloop.directory.responsiveness;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** How long an organization took to first respond to one referral. */
@Entity
@Table(name = "acknowledgement_sample")
public class AcknowledgementSample {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(nullable = false)
    public Instant acknowledgedAt;

    public long seconds;

    public AcknowledgementSample() {}

    public AcknowledgementSample(UUID referralId, String serviceId, Instant acknowledgedAt, long seconds) {
        this.referralId = referralId;
        this.serviceId = serviceId;
        this.acknowledgedAt = acknowledgedAt;
        this.seconds = seconds;
    }
}
