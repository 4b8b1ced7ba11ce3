package org.careloop.notification.deadline.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.TreeSet;
import java.util.UUID;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.calendar.BusinessCalendar;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;
import org.careloop.notification.deadline.service.DeadlinePolicy.Change;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.notification.policy.PolicyRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The deadline state machine, without Quarkus. */
class DeadlinePolicyTests {

    private static final Duration ESCALATE = Duration.ofHours(48);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final EffectivePolicy POLICY = new EffectivePolicy(
            PolicyRules.validate(new PolicyRules.Draft("PT24H", "PT48H", "PT72H", "P14D", "P60D", "P7D", false), null)
                    .settings(),
            EffectivePolicy.DEFAULT,
            new BusinessCalendar(
                    ZoneId.of("America/New_York"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), new TreeSet<>()));

    private final UUID referralId = UUID.randomUUID();

    @Test
    void requestedOpensADeadlineDueAtTheEscalationTimeOfThePolicy() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(referralId);

        Change change = DeadlinePolicy.apply(deadline, event(1, "requested", "org-foodbank", T0, "system"), POLICY);

        assertThat(change).isEqualTo(Change.OPENED);
        assertThat(deadline.state).isEqualTo(DeadlineState.OPEN);
        assertThat(deadline.requestedAt).isEqualTo(T0);
        assertThat(deadline.dueAt).isEqualTo(T0.plus(ESCALATE));
        assertThat(deadline.policy).isEqualTo("default");
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

        Change change = DeadlinePolicy.apply(deadline, event(2, status, "org-foodbank", respondedAt, "owner"), POLICY);

        assertThat(change).isEqualTo(Change.MET);
        assertThat(deadline.state).isEqualTo(DeadlineState.MET);
        assertThat(deadline.resolvedAt).isEqualTo(respondedAt);
        assertThat(deadline.resolvedStatus).isEqualTo(status);
        assertThat(deadline.resolvedByRole).isEqualTo("owner");
        assertThat(deadline.dueAt).isEqualTo(T0.plus(ESCALATE));
        assertThat(deadline.lastVersion).isEqualTo(2);
    }

    @Test
    void aResponseFromAnOlderProducerWithoutARoleCountsAsTheOwners() {
        AcknowledgementDeadline deadline = opened();

        Change change =
                DeadlinePolicy.apply(deadline, event(2, "accepted", "org-foodbank", T0.plusSeconds(60), null), POLICY);

        assertThat(change).isEqualTo(Change.MET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"accepted", "rejected", "in-progress"})
    void aCoordinatorActingOnTheOwnersBehalfClearsTheDeadlineInsteadOfMeetingIt(String status) {
        AcknowledgementDeadline deadline = opened();

        Change change = DeadlinePolicy.apply(
                deadline, event(2, status, "org-foodbank", T0.plusSeconds(60), "coordinator"), POLICY);

        assertThat(change).isEqualTo(Change.CLEARED);
        assertThat(deadline.state).isEqualTo(DeadlineState.CLEARED);
        assertThat(deadline.resolvedStatus).isEqualTo(status);
        assertThat(deadline.resolvedByRole).isEqualTo("coordinator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cancelled", "entered-in-error", "draft"})
    void leavingRequestedWithoutAnOwnerResponseClearsTheDeadline(String status) {
        AcknowledgementDeadline deadline = opened();

        Change change =
                DeadlinePolicy.apply(deadline, event(2, status, "org-foodbank", T0.plusSeconds(60), "system"), POLICY);

        assertThat(change).isEqualTo(Change.CLEARED);
        assertThat(deadline.state).isEqualTo(DeadlineState.CLEARED);
        assertThat(deadline.resolvedAt).isEqualTo(T0.plusSeconds(60));
        assertThat(deadline.resolvedStatus).isEqualTo(status);
    }

    @Test
    void anOlderOrEqualVersionChangesNothing() {
        AcknowledgementDeadline deadline = opened();
        DeadlinePolicy.apply(deadline, event(2, "accepted", "org-foodbank", T0.plusSeconds(60), "owner"), POLICY);

        assertThat(DeadlinePolicy.apply(deadline, event(1, "requested", "org-foodbank", T0, "system"), POLICY))
                .isEqualTo(Change.STALE);
        assertThat(DeadlinePolicy.apply(
                        deadline, event(2, "cancelled", "org-foodbank", T0.plusSeconds(90), "requester"), null))
                .isEqualTo(Change.STALE);

        assertThat(deadline.state).isEqualTo(DeadlineState.MET);
        assertThat(deadline.resolvedStatus).isEqualTo("accepted");
        assertThat(deadline.lastVersion).isEqualTo(2);
    }

    @Test
    void aStatusChangeForAnUnknownReferralOnlyRecordsTheVersion() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(referralId);

        Change change = DeadlinePolicy.apply(
                deadline, event(2, "accepted", "org-foodbank", T0.plusSeconds(60), "owner"), POLICY);

        assertThat(change).isEqualTo(Change.VERSION_ONLY);
        assertThat(deadline.exists()).isFalse();
        assertThat(deadline.lastVersion).isEqualTo(2);
        // The request arriving late must not open a deadline the owner already answered.
        assertThat(DeadlinePolicy.apply(deadline, event(1, "requested", "org-foodbank", T0, "system"), POLICY))
                .isEqualTo(Change.STALE);
        assertThat(deadline.exists()).isFalse();
    }

    @Test
    void aLaterStatusChangeLeavesAClosedDeadlineAlone() {
        AcknowledgementDeadline deadline = opened();
        DeadlinePolicy.apply(deadline, event(2, "accepted", "org-foodbank", T0.plusSeconds(60), "owner"), POLICY);

        Change change = DeadlinePolicy.apply(
                deadline, event(3, "completed", "org-foodbank", T0.plusSeconds(600), "owner"), POLICY);

        assertThat(change).isEqualTo(Change.VERSION_ONLY);
        assertThat(deadline.state).isEqualTo(DeadlineState.MET);
        assertThat(deadline.resolvedStatus).isEqualTo("accepted");
        assertThat(deadline.lastVersion).isEqualTo(3);
    }

    @Test
    void requestedAgainFromTheSameOwnerKeepsTheRunningClock() {
        AcknowledgementDeadline deadline = opened();

        Change change = DeadlinePolicy.apply(
                deadline, event(2, "requested", "org-foodbank", T0.plus(Duration.ofHours(40)), "system"), POLICY);

        assertThat(change).isEqualTo(Change.STILL_OPEN);
        assertThat(deadline.dueAt).isEqualTo(T0.plus(ESCALATE));
        assertThat(deadline.lastVersion).isEqualTo(2);
    }

    @Test
    void requestedFromAnotherOwnerRestartsTheClock() {
        AcknowledgementDeadline deadline = opened();
        Instant reassignedAt = T0.plus(Duration.ofHours(40));

        Change change = DeadlinePolicy.apply(
                deadline, event(2, "requested", "org-housing", reassignedAt, "coordinator"), POLICY);

        assertThat(change).isEqualTo(Change.OPENED);
        assertThat(deadline.ownerOrganizationId).isEqualTo("org-housing");
        assertThat(deadline.requestedAt).isEqualTo(reassignedAt);
        assertThat(deadline.dueAt).isEqualTo(reassignedAt.plus(ESCALATE));
    }

    @Test
    void requestedAgainAfterAResponseReopensWithAFreshClock() {
        AcknowledgementDeadline deadline = opened();
        DeadlinePolicy.apply(deadline, event(2, "rejected", "org-foodbank", T0.plusSeconds(60), "owner"), POLICY);
        Instant rerouted = T0.plus(Duration.ofHours(2));

        Change change =
                DeadlinePolicy.apply(deadline, event(3, "requested", "org-housing", rerouted, "system"), POLICY);

        assertThat(change).isEqualTo(Change.OPENED);
        assertThat(deadline.state).isEqualTo(DeadlineState.OPEN);
        assertThat(deadline.dueAt).isEqualTo(rerouted.plus(ESCALATE));
        assertThat(deadline.resolvedAt).isNull();
        assertThat(deadline.resolvedStatus).isNull();
        assertThat(deadline.resolvedByRole).isNull();
    }

    @Test
    void onlyAnOpenDeadlinePastItsDueTimeIsOverdue() {
        AcknowledgementDeadline deadline = opened();
        Instant due = T0.plus(ESCALATE);

        assertThat(deadline.isOverdue(due.minusSeconds(1))).isFalse();
        assertThat(deadline.isOverdue(due)).isFalse();
        assertThat(deadline.isOverdue(due.plusSeconds(1))).isTrue();

        DeadlinePolicy.apply(deadline, event(2, "accepted", "org-foodbank", due.plusSeconds(10), "owner"), POLICY);
        assertThat(deadline.isOverdue(due.plusSeconds(60))).isFalse();
    }

    @Test
    void knowsTheSdohccStatusesFromTheContract() {
        assertThat(ReferralStatusCodes.ALL).allMatch(DeadlinePolicy::isKnownStatus);
        assertThat(DeadlinePolicy.isKnownStatus("received")).isFalse();
        assertThat(DeadlinePolicy.isKnownStatus("ACCEPTED")).isFalse();
        assertThat(ReferralStatusCodes.ALL)
                .filteredOn(s -> DeadlinePolicy.resolutionOf(s, "owner") == DeadlineState.MET)
                .containsExactlyInAnyOrderElementsOf(ReferralStatusCodes.OWNER_RESPONSES);
    }

    private AcknowledgementDeadline opened() {
        AcknowledgementDeadline deadline = new AcknowledgementDeadline(referralId);
        DeadlinePolicy.apply(deadline, event(1, "requested", "org-foodbank", T0, "system"), POLICY);
        return deadline;
    }

    private ReferralUpdated event(long version, String status, String owner, Instant updatedAt, String role) {
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
                updatedAt,
                1,
                null,
                null,
                null,
                role,
                null);
    }
}
