package org.careloop.notification.deadline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;
import org.careloop.notification.deadline.service.DeadlinePolicy.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deadline state machine, without Quarkus. */
class DeadlinePolicyTests {

    private static final Duration WINDOW = Duration.ofHours(48);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final DeadlinePolicy policy = new DeadlinePolicy(WINDOW);
    private final UUID referralId = UUID.randomUUID();

    @Test
    void requestedOpensADeadlineDueAfterTheWindow() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(referralId);

        Change change = policy.apply(deadline, event(1, "requested", "org-foodbank", T0));

        assertThat(change).isEqualTo(Change.OPENED);
        assertThat(deadline.state).isEqualTo(DeadlineState.OPEN);
        assertThat(deadline.requestedAt).isEqualTo(T0);
        assertThat(deadline.dueAt).isEqualTo(T0.plus(WINDOW));
        assertThat(deadline.ownerOrganizationId).isEqualTo("org-foodbank");
        assertThat(deadline.category).isEqualTo("food-insecurity");
        assertThat(deadline.lastVersion).isEqualTo(1);
        assertThat(deadline.resolvedAt).isNull();
        assertThat(deadline.resolvedStatus).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"accepted", "rejected", "in-progress", "on-hold", "failed", "completed"})
    void anOwnerResponseMeetsTheOpenDeadline(String status) {
        AcknowledgementDeadline deadline = opened();
        Instant respondedAt = T0.plus(Duration.ofHours(5));

        Change change = policy.apply(deadline, event(2, status, "org-foodbank", respondedAt));

        assertThat(change).isEqualTo(Change.MET);
        assertThat(deadline.state).isEqualTo(DeadlineState.MET);
        assertThat(deadline.resolvedAt).isEqualTo(respondedAt);
        assertThat(deadline.resolvedStatus).isEqualTo(status);
        assertThat(deadline.dueAt).isEqualTo(T0.plus(WINDOW));
        assertThat(deadline.lastVersion).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancelled", "entered-in-error", "draft"})
    void leavingRequestedWithoutAnOwnerResponseClearsTheDeadline(String status) {
        AcknowledgementDeadline deadline = opened();

        Change change = policy.apply(deadline, event(2, status, "org-foodbank", T0.plusSeconds(60)));

        assertThat(change).isEqualTo(Change.CLEARED);
        assertThat(deadline.state).isEqualTo(DeadlineState.CLEARED);
        assertThat(deadline.resolvedAt).isEqualTo(T0.plusSeconds(60));
        assertThat(deadline.resolvedStatus).isEqualTo(status);
    }

    @Test
    void anOlderOrEqualVersionChangesNothing() {
        AcknowledgementDeadline deadline = opened();
        policy.apply(deadline, event(2, "accepted", "org-foodbank", T0.plusSeconds(60)));

        assertThat(policy.apply(deadline, event(1, "requested", "org-foodbank", T0)))
                .isEqualTo(Change.STALE);
        assertThat(policy.apply(deadline, event(2, "cancelled", "org-foodbank", T0.plusSeconds(90))))
                .isEqualTo(Change.STALE);

        assertThat(deadline.state).isEqualTo(DeadlineState.MET);
        assertThat(deadline.resolvedStatus).isEqualTo("accepted");
        assertThat(deadline.lastVersion).isEqualTo(2);
    }

    @Test
    void aStatusChangeForAnUnknownReferralOnlyRecordsTheVersion() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(referralId);

        Change change = policy.apply(deadline, event(2, "accepted", "org-foodbank", T0.plusSeconds(60)));

        assertThat(change).isEqualTo(Change.VERSION_ONLY);
        assertThat(deadline.exists()).isFalse();
        assertThat(deadline.lastVersion).isEqualTo(2);
        // The request arriving late must not open a deadline the owner already answered.
        assertThat(policy.apply(deadline, event(1, "requested", "org-foodbank", T0)))
                .isEqualTo(Change.STALE);
        assertThat(deadline.exists()).isFalse();
    }

    @Test
    void aLaterStatusChangeLeavesAClosedDeadlineAlone() {
        AcknowledgementDeadline deadline = opened();
        policy.apply(deadline, event(2, "accepted", "org-foodbank", T0.plusSeconds(60)));

        Change change = policy.apply(deadline, event(3, "completed", "org-foodbank", T0.plusSeconds(600)));

        assertThat(change).isEqualTo(Change.VERSION_ONLY);
        assertThat(deadline.state).isEqualTo(DeadlineState.MET);
        assertThat(deadline.resolvedStatus).isEqualTo("accepted");
        assertThat(deadline.lastVersion).isEqualTo(3);
    }

    @Test
    void requestedAgainFromTheSameOwnerKeepsTheRunningClock() {
        AcknowledgementDeadline deadline = opened();

        Change change = policy.apply(deadline, event(2, "requested", "org-foodbank", T0.plus(Duration.ofHours(40))));

        assertThat(change).isEqualTo(Change.STILL_OPEN);
        assertThat(deadline.dueAt).isEqualTo(T0.plus(WINDOW));
        assertThat(deadline.lastVersion).isEqualTo(2);
    }

    @Test
    void requestedFromAnotherOwnerRestartsTheClock() {
        AcknowledgementDeadline deadline = opened();
        Instant reassignedAt = T0.plus(Duration.ofHours(40));

        Change change = policy.apply(deadline, event(2, "requested", "org-housing", reassignedAt));

        assertThat(change).isEqualTo(Change.OPENED);
        assertThat(deadline.ownerOrganizationId).isEqualTo("org-housing");
        assertThat(deadline.requestedAt).isEqualTo(reassignedAt);
        assertThat(deadline.dueAt).isEqualTo(reassignedAt.plus(WINDOW));
    }

    @Test
    void requestedAgainAfterAResponseReopensWithAFreshClock() {
        AcknowledgementDeadline deadline = opened();
        policy.apply(deadline, event(2, "rejected", "org-foodbank", T0.plusSeconds(60)));
        Instant rerouted = T0.plus(Duration.ofHours(2));

        Change change = policy.apply(deadline, event(3, "requested", "org-housing", rerouted));

        assertThat(change).isEqualTo(Change.OPENED);
        assertThat(deadline.state).isEqualTo(DeadlineState.OPEN);
        assertThat(deadline.dueAt).isEqualTo(rerouted.plus(WINDOW));
        assertThat(deadline.resolvedAt).isNull();
        assertThat(deadline.resolvedStatus).isNull();
    }

    @Test
    void onlyAnOpenDeadlinePastItsDueTimeIsOverdue() {
        AcknowledgementDeadline deadline = opened();
        Instant due = T0.plus(WINDOW);

        assertThat(deadline.isOverdue(due.minusSeconds(1))).isFalse();
        assertThat(deadline.isOverdue(due)).isFalse();
        assertThat(deadline.isOverdue(due.plusSeconds(1))).isTrue();

        policy.apply(deadline, event(2, "accepted", "org-foodbank", due.plusSeconds(10)));
        assertThat(deadline.isOverdue(due.plusSeconds(60))).isFalse();
    }

    @Test
    void knowsTheSdohccStatuses() {
        assertThat(DeadlinePolicy.isKnownStatus("requested")).isTrue();
        assertThat(DeadlinePolicy.isKnownStatus("entered-in-error")).isTrue();
        assertThat(DeadlinePolicy.isKnownStatus("received")).isFalse();
        assertThat(DeadlinePolicy.isKnownStatus("ACCEPTED")).isFalse();
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new DeadlinePolicy(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeadlinePolicy(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private AcknowledgementDeadline opened() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(referralId);
        policy.apply(deadline, event(1, "requested", "org-foodbank", T0));
        return deadline;
    }

    private ReferralUpdated event(long version, String status, String owner, Instant updatedAt) {
        return new ReferralUpdated(
                referralId,
                version,
                status,
                null,
                null,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "patient-1",
                "food-insecurity",
                "org-eastside-clinic",
                owner,
                "service-1",
                updatedAt);
    }
}
