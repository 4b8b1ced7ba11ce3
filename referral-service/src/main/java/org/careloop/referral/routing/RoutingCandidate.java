package org.careloop.referral.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.careloop.contracts.directory.NeedsMatched;

/** One ranked candidate the directory offered for a need in one match round (1 = the screening's match). */
@Entity
@Table(name = "routing_candidate")
public class RoutingCandidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "need_id", nullable = false)
    private UUID needId;

    @Column(nullable = false)
    private int round;

    @Column(nullable = false)
    private int rank;

    @Column(name = "service_id", nullable = false)
    private String serviceId;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    private String reason;

    private Integer available;

    private Double score;

    protected RoutingCandidate() {}

    public static RoutingCandidate of(UUID needId, int round, int rank, NeedsMatched.Candidate candidate) {
        RoutingCandidate c = new RoutingCandidate();
        c.needId = needId;
        c.round = round;
        c.rank = rank;
        c.serviceId = candidate.serviceId();
        c.organizationId = candidate.organizationId();
        c.reason = candidate.reason();
        c.available = candidate.available();
        c.score = candidate.score();
        return c;
    }

    public UUID needId() {
        return needId;
    }

    public int round() {
        return round;
    }

    public int rank() {
        return rank;
    }

    public String serviceId() {
        return serviceId;
    }

    public String organizationId() {
        return organizationId;
    }

    public String reason() {
        return reason;
    }

    public Integer available() {
        return available;
    }

    public Double score() {
        return score;
    }
}
