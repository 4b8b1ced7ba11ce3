package org.careloop.referral.routing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The routing of one need: which attempt is current and where the need stands. A need is routed from one attempt to
 * the next (after a rejection or a recall) until an organization takes it on, or lands in the coordinators' work
 * queue. Its row is locked by every change of its routing, so two endings never both start a next attempt.
 */
@Entity
@Table(name = "need_routing")
public class NeedRouting {

    @Id
    @Column(name = "need_id")
    private UUID needId;

    @Column(name = "screening_id", nullable = false)
    private UUID screeningId;

    @Column(name = "patient_id", nullable = false)
    private String patientId;

    @Column(nullable = false)
    private String category;

    @Column(name = "requester_organization_id", nullable = false)
    private String requesterOrganizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RoutingState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "current_referral_id")
    private UUID currentReferralId;

    @Column(name = "match_request_id")
    private UUID matchRequestId;

    @Column(name = "state_reason")
    private String stateReason;

    @Column(name = "state_detail")
    private String stateDetail;

    @Column(name = "queued_at")
    private Instant queuedAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private Long version;

    // What the match said about the person and the need.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "consent_recipients")
    private List<String> consentRecipients;

    @Column(nullable = false)
    private boolean sensitive;

    @Column(name = "do_not_contact", nullable = false)
    private boolean doNotContact;

    @Column(nullable = false)
    private boolean review;

    protected NeedRouting() {}

    /** A need about to get its first attempt (or to be queued when nothing matched). */
    public static NeedRouting of(
            UUID needId,
            UUID screeningId,
            String patientId,
            String category,
            String requesterOrganizationId,
            Instant now) {
        NeedRouting routing = new NeedRouting();
        routing.needId = needId;
        routing.screeningId = screeningId;
        routing.patientId = patientId;
        routing.category = category;
        routing.requesterOrganizationId = requesterOrganizationId;
        routing.state = RoutingState.ROUTED;
        routing.attempts = 0;
        routing.createdAt = now;
        routing.updatedAt = now;
        return routing;
    }

    /**
     * The constraints the match carried: the organizations the person's consent covers (null for all), whether the need
     * is an interpersonal-safety need, whether organizations must not contact the person.
     */
    public NeedRouting constrained(List<String> consentRecipients, boolean sensitive, boolean doNotContact) {
        this.consentRecipients = consentRecipients == null ? null : List.copyOf(consentRecipients);
        this.sensitive = sensitive;
        this.doNotContact = doNotContact;
        return this;
    }

    /** Whether the need's attempts are proposed as drafts for the clinic to review instead of being sent. */
    public void reviewed(boolean review) {
        this.review = review;
    }

    /** A new attempt was made: referral {@code referralId} is open. */
    public void routed(UUID referralId, int attempt, Instant now) {
        state = RoutingState.ROUTED;
        currentReferralId = referralId;
        attempts = Math.max(attempts, attempt);
        matchRequestId = null;
        stateReason = null;
        stateDetail = null;
        queuedAt = null;
        unclaimed();
        updatedAt = now;
    }

    /** The directory was asked for a fresh match by request {@code requestId}. */
    public void matching(UUID requestId, Instant now) {
        state = RoutingState.MATCHING;
        matchRequestId = requestId;
        updatedAt = now;
    }

    /** Nothing left to try automatically: into the coordinators' work queue. */
    public void queued(String reason, String detail, Instant now) {
        state = RoutingState.QUEUED;
        matchRequestId = null;
        stateReason = reason;
        stateDetail = truncate(detail);
        queuedAt = now;
        unclaimed();
        updatedAt = now;
    }

    /** The need's routing ended: its last referral ended for good, or a coordinator closed it. */
    public void closed(String reason, String detail, Instant now) {
        state = RoutingState.CLOSED;
        matchRequestId = null;
        stateReason = reason;
        stateDetail = truncate(detail);
        queuedAt = null;
        unclaimed();
        updatedAt = now;
    }

    /** A coordinator takes the queued need on: the others see who works on it. */
    public void claimed(String coordinator, Instant now) {
        claimedBy = coordinator;
        claimedAt = now;
        updatedAt = now;
    }

    /** The need waits for any coordinator again. */
    public void released(Instant now) {
        unclaimed();
        updatedAt = now;
    }

    /** Whether a coordinator other than {@code coordinator} holds the claim. */
    public boolean claimedByAnotherThan(String coordinator) {
        return claimedBy != null && !claimedBy.equals(coordinator);
    }

    private void unclaimed() {
        claimedBy = null;
        claimedAt = null;
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    public UUID needId() {
        return needId;
    }

    public UUID screeningId() {
        return screeningId;
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

    public RoutingState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public UUID currentReferralId() {
        return currentReferralId;
    }

    public UUID matchRequestId() {
        return matchRequestId;
    }

    public String stateReason() {
        return stateReason;
    }

    public String stateDetail() {
        return stateDetail;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Instant claimedAt() {
        return claimedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<String> consentRecipients() {
        return consentRecipients;
    }

    public boolean sensitive() {
        return sensitive;
    }

    public boolean doNotContact() {
        return doNotContact;
    }

    public boolean review() {
        return review;
    }
}
