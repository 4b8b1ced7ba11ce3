package org.careloop.notification.chase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.TreeSet;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.calendar.BusinessCalendar;
import org.careloop.notification.chase.TimerPlan.Planned;
import org.careloop.notification.chase.TimerPlan.WindowAction;
import org.careloop.notification.chase.TimerPlan.WindowState;
import org.careloop.notification.deadline.service.DeadlinePolicy.Change;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.notification.policy.PolicyRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The timer scheduling decisions, without Quarkus. */
class ChasePlannerTests {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final BusinessCalendar WEEKDAYS =
            new BusinessCalendar(NEW_YORK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), new TreeSet<>());
    private static final EffectivePolicy BUSINESS = policy(true, EffectivePolicy.DEFAULT);
    private static final EffectivePolicy SECONDS = new EffectivePolicy(
            PolicyRules.validate(new PolicyRules.Draft("PT3S", "PT6S", "PT9S", "PT30S", "PT120S", "PT60S", false), null)
                    .settings(),
            EffectivePolicy.ORGANIZATION,
            WEEKDAYS);

    /** Friday 16:00 in New York. */
    private static final Instant FRIDAY =
            LocalDateTime.parse("2026-03-13T16:00").atZone(NEW_YORK).toInstant();

    @Test
    void anOpenedDeadlineSchedulesReminderEscalationAndRecallInBusinessTime() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);

        TimerPlan plan = ChasePlanner.plan(Change.OPENED, requested.event(), BUSINESS, null);

        assertThat(plan.schedule())
                .containsExactly(
                        new Planned(TimerKind.REMIND, local("2026-03-16T16:00"), "default"),
                        new Planned(TimerKind.ESCALATE, local("2026-03-17T16:00"), "default"),
                        new Planned(TimerKind.RECALL, local("2026-03-18T16:00"), "default"));
        // Whatever the referral had pending is replaced.
        assertThat(plan.cancel()).containsExactlyInAnyOrderElementsOf(TimerKind.OF_REFERRAL);
        assertThat(plan.refreshVersion()).isFalse();
    }

    @Test
    void anOrganizationsPolicyOfSecondsCountsPlainTime() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);

        TimerPlan plan = ChasePlanner.plan(Change.OPENED, requested.event(), SECONDS, null);

        assertThat(plan.schedule())
                .extracting(Planned::kind, Planned::dueAt, Planned::policy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TimerKind.REMIND, FRIDAY.plusSeconds(3), "organization"),
                        org.assertj.core.groups.Tuple.tuple(TimerKind.ESCALATE, FRIDAY.plusSeconds(6), "organization"),
                        org.assertj.core.groups.Tuple.tuple(TimerKind.RECALL, FRIDAY.plusSeconds(9), "organization"));
    }

    @Test
    void theClockStartsWhenTheAttemptWasRequested() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);
        requested.updatedAt = FRIDAY.plusSeconds(30); // published a little later than requested

        TimerPlan plan = ChasePlanner.plan(Change.OPENED, requested.event(), SECONDS, null);

        assertThat(plan.schedule().getFirst().dueAt()).isEqualTo(FRIDAY.plusSeconds(3));
    }

    @Test
    void stillRequestedFromTheSameOwnerKeepsTheTimersAndNamesTheNewVersion() {
        ReferralChange again = ReferralChange.requested(FRIDAY).next("requested", "system", FRIDAY.plusSeconds(1));

        TimerPlan plan = ChasePlanner.plan(Change.STILL_OPEN, again.event(), SECONDS, WindowState.of(opened()));

        assertThat(plan.schedule()).isEmpty();
        assertThat(plan.cancel()).containsExactly(TimerKind.OUTCOME_UPDATE);
        assertThat(plan.refreshVersion()).isTrue();
        assertThat(plan.window().action()).isEqualTo(WindowAction.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rejected", "cancelled", "failed", "entered-in-error"})
    void anAttemptThatEndsCancelsItsChases(String status) {
        ReferralChange ended = ReferralChange.requested(FRIDAY).next(status, "owner", FRIDAY.plusSeconds(60));

        TimerPlan plan = ChasePlanner.plan(Change.MET, ended.event(), SECONDS, null);

        assertThat(plan.cancel()).containsExactlyInAnyOrderElementsOf(TimerKind.OF_REFERRAL);
        assertThat(plan.schedule()).isEmpty();
        assertThat(plan.cancelReason()).contains(status).contains("version 2").contains("owner");
        assertThat(plan.window().action()).isEqualTo(WindowAction.NONE);
    }

    @Test
    void acceptanceCancelsTheAcknowledgementChasesAndStartsTheOutcomeClock() {
        ReferralChange accepted = ReferralChange.requested(FRIDAY).next("accepted", "owner", FRIDAY.plusSeconds(60));

        TimerPlan plan = ChasePlanner.plan(Change.MET, accepted.event(), SECONDS, null);

        assertThat(plan.cancel())
                .containsExactlyInAnyOrder(
                        TimerKind.REMIND, TimerKind.ESCALATE, TimerKind.RECALL, TimerKind.OUTCOME_UPDATE);
        assertThat(plan.schedule())
                .containsExactly(new Planned(TimerKind.OUTCOME_UPDATE, FRIDAY.plusSeconds(90), "organization"));
        // Accepted is not contact yet: the contact window stays open.
        assertThat(plan.window().action()).isEqualTo(WindowAction.NONE);
    }

    @Test
    void aCoordinatorsAcceptanceOnTheOwnersBehalfAlsoStopsTheChase() {
        ReferralChange accepted =
                ReferralChange.requested(FRIDAY).next("accepted", "coordinator", FRIDAY.plusSeconds(60));

        TimerPlan plan = ChasePlanner.plan(Change.CLEARED, accepted.event(), SECONDS, null);

        assertThat(plan.cancel()).contains(TimerKind.REMIND, TimerKind.ESCALATE, TimerKind.RECALL);
        assertThat(plan.schedule()).extracting(Planned::kind).containsExactly(TimerKind.OUTCOME_UPDATE);
    }

    @Test
    void eachChangeWhileTakenOnRestartsTheOutcomeClockInBusinessTime() {
        ReferralChange inProgress = ReferralChange.requested(FRIDAY)
                .next("accepted", "owner", FRIDAY)
                .next("in-progress", "owner", FRIDAY);

        TimerPlan plan = ChasePlanner.plan(Change.VERSION_ONLY, inProgress.event(), BUSINESS, WindowState.of(opened()));

        // 14 business days after Friday 2026-03-13 16:00: Thursday 2026-04-02 16:00.
        assertThat(plan.schedule())
                .containsExactly(new Planned(TimerKind.OUTCOME_UPDATE, local("2026-04-02T16:00"), "default"));
        assertThat(plan.cancel()).containsExactly(TimerKind.OUTCOME_UPDATE);
        assertThat(plan.window().action()).isEqualTo(WindowAction.CONTACTED);
    }

    @Test
    void completionEndsTheOutcomeChaseAndMeetsTheContactWindow() {
        ReferralChange completed = ReferralChange.requested(FRIDAY).next("completed", "owner", FRIDAY);

        TimerPlan plan = ChasePlanner.plan(Change.VERSION_ONLY, completed.event(), SECONDS, WindowState.of(opened()));

        assertThat(plan.schedule()).isEmpty();
        assertThat(plan.cancel()).containsExactly(TimerKind.OUTCOME_UPDATE);
        assertThat(plan.window().action()).isEqualTo(WindowAction.CONTACTED);
    }

    @Test
    void aStaleEventChangesNothing() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);

        assertThat(ChasePlanner.plan(Change.STALE, requested.event(), SECONDS, null))
                .isEqualTo(TimerPlan.NONE);
        assertThat(TimerPlan.NONE.isEmpty()).isTrue();
    }

    @Test
    void theNeedsFirstRequestOpensItsContactWindowInCalendarTime() {
        ReferralChange requested = ReferralChange.requested(FRIDAY);

        TimerPlan plan = ChasePlanner.plan(Change.OPENED, requested.event(), BUSINESS, null);

        assertThat(plan.window().action()).isEqualTo(WindowAction.OPEN);
        assertThat(plan.window().openedAt()).isEqualTo(FRIDAY);
        assertThat(plan.window().closesAt()).isEqualTo(FRIDAY.plus(Duration.ofDays(60)));
        assertThat(plan.window().warnAt()).isEqualTo(FRIDAY.plus(Duration.ofDays(53)));
        assertThat(plan.window().policy()).isEqualTo("default");
    }

    @Test
    void aLaterAttemptTakesTheWarningOverWithoutMovingTheWindow() {
        ReferralChange first = ReferralChange.requested(FRIDAY);
        ReferralChange second = first.nextAttempt("org-pantry", FRIDAY.plus(Duration.ofDays(4)));

        TimerPlan plan = ChasePlanner.plan(Change.OPENED, second.event(), BUSINESS, WindowState.of(opened()));

        assertThat(plan.window().action()).isEqualTo(WindowAction.UPDATE);
        assertThat(plan.window().follow()).isTrue();
        assertThat(plan.window().openedAt()).isEqualTo(FRIDAY);
        assertThat(plan.window().warnAt()).isEqualTo(FRIDAY.plus(Duration.ofDays(53)));
    }

    @Test
    void anEarlierRequestArrivingLateMovesTheWindowBack() {
        ContactWindow window = opened();
        window.openedAt = FRIDAY.plusSeconds(3600);
        window.currentAttempt = 2;
        ReferralChange first = ReferralChange.requested(FRIDAY);

        TimerPlan plan = ChasePlanner.plan(Change.OPENED, first.event(), BUSINESS, WindowState.of(window));

        assertThat(plan.window().action()).isEqualTo(WindowAction.UPDATE);
        assertThat(plan.window().follow()).isFalse();
        assertThat(plan.window().openedAt()).isEqualTo(FRIDAY);
    }

    @Test
    void aNeedAlreadyContactedGetsNoWarning() {
        ContactWindow window = opened();
        window.contactedAt = FRIDAY.plusSeconds(60);
        ReferralChange second = ReferralChange.requested(FRIDAY).nextAttempt("org-pantry", FRIDAY.plusSeconds(120));

        TimerPlan plan = ChasePlanner.plan(Change.OPENED, second.event(), BUSINESS, WindowState.of(window));

        assertThat(plan.window().action()).isEqualTo(WindowAction.NONE);
        ReferralChange inProgress = ReferralChange.requested(FRIDAY).next("in-progress", "owner", FRIDAY);
        assertThat(ChasePlanner.plan(Change.MET, inProgress.event(), BUSINESS, WindowState.of(window))
                        .window()
                        .action())
                .isEqualTo(WindowAction.NONE);
    }

    @Test
    void contactBeforeAnyRequestWasSeenStillMeetsTheWindow() {
        ReferralChange inProgress = ReferralChange.requested(FRIDAY).next("in-progress", "owner", FRIDAY);

        TimerPlan plan = ChasePlanner.plan(Change.VERSION_ONLY, inProgress.event(), BUSINESS, null);

        assertThat(plan.window().action()).isEqualTo(WindowAction.CONTACTED);
    }

    private static ContactWindow opened() {
        ContactWindow window = new ContactWindow();
        window.openedAt = FRIDAY;
        window.closesAt = FRIDAY.plus(Duration.ofDays(60));
        window.currentAttempt = 1;
        return window;
    }

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
    }

    private static EffectivePolicy policy(boolean businessTime, String source) {
        return new EffectivePolicy(
                PolicyRules.validate(
                                new PolicyRules.Draft("P1D", "P2D", "P3D", "P14D", "P60D", "P7D", businessTime), null)
                        .settings(),
                source,
                WEEKDAYS);
    }
}
