package org.careloop.notification.chase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.chase.TimerPlan.Planned;
import org.careloop.notification.chase.TimerPlan.Window;
import org.careloop.notification.chase.TimerPlan.WindowAction;
import org.careloop.notification.chase.TimerPlan.WindowState;
import org.careloop.notification.deadline.service.DeadlinePolicy.Change;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.notification.policy.EffectivePolicy.Acknowledgement;

/**
 * Decides, without side effects, what one applied {@code referral-updated} does to the chase timers:
 *
 * <ul>
 *   <li>a deadline that opens (requested) schedules a reminder, an escalation and a recall per the owner's policy,
 *       replacing any pending timers of the referral; one that closes (any response, cancellation, recall) cancels
 *       them; still requested from the same owner keeps them, naming the new version;
 *   <li>accepted, in-progress or on-hold (re)starts the outcome-update timer from the change; any other status
 *       cancels it;
 *   <li>the need's first request opens its contact window and schedules the warning; a later attempt takes the
 *       warning over; in-progress or completed of any attempt meets the window and cancels the warning.
 * </ul>
 */
public final class ChasePlanner {

    /** Statuses in which contact with the person has been made (MIPS #498). */
    public static final Set<String> CONTACT_MADE =
            Set.of(ReferralStatusCodes.IN_PROGRESS, ReferralStatusCodes.COMPLETED);

    private ChasePlanner() {}

    /** When the attempt an event reports was requested: its {@code requestedAt}, or the change time. */
    public static Instant requestedAt(ReferralUpdated event) {
        return event.requestedAt() != null ? event.requestedAt() : event.updatedAt();
    }

    /**
     * Plans the timers for one event.
     *
     * @param change what the event did to the referral's acknowledgement deadline
     * @param event the referral after the change
     * @param policy the owner's effective policy now
     * @param window the need's contact window, null when none was recorded
     */
    public static TimerPlan plan(Change change, ReferralUpdated event, EffectivePolicy policy, WindowState window) {
        if (change == Change.STALE) {
            return TimerPlan.NONE;
        }
        String status = event.status();
        Set<TimerKind> cancel = EnumSet.noneOf(TimerKind.class);
        List<Planned> schedule = new ArrayList<>();
        boolean refreshVersion = false;
        switch (change) {
            case OPENED -> {
                // A fresh request (or a new owner) replaces whatever was pending for the referral.
                cancel.addAll(TimerKind.OF_REFERRAL);
                Acknowledgement ack = policy.acknowledgement(requestedAt(event));
                schedule.add(new Planned(TimerKind.REMIND, ack.remindAt(), policy.source()));
                schedule.add(new Planned(TimerKind.ESCALATE, ack.escalateAt(), policy.source()));
                schedule.add(new Planned(TimerKind.RECALL, ack.recallAt(), policy.source()));
            }
            case STILL_OPEN -> refreshVersion = true;
            case MET, CLEARED -> cancel.addAll(TimerKind.ACKNOWLEDGEMENT);
            default -> {}
        }
        if (ReferralStatusCodes.TAKEN_ON.contains(status)) {
            // Every change while taken on is news from the owner: the next request for an update counts from it.
            cancel.add(TimerKind.OUTCOME_UPDATE);
            schedule.add(
                    new Planned(TimerKind.OUTCOME_UPDATE, policy.outcomeUpdateAt(event.updatedAt()), policy.source()));
        } else {
            cancel.add(TimerKind.OUTCOME_UPDATE);
        }
        String reason = status + " at version " + event.version()
                + (event.changedByRole() == null ? "" : " by " + event.changedByRole());
        return new TimerPlan(
                Set.copyOf(cancel), reason, refreshVersion, List.copyOf(schedule), window(event, policy, window));
    }

    private static Window window(ReferralUpdated event, EffectivePolicy policy, WindowState window) {
        if (CONTACT_MADE.contains(event.status())) {
            return window != null && window.contacted()
                    ? Window.NONE
                    : new Window(WindowAction.CONTACTED, null, null, null, false, null);
        }
        if (!ReferralStatusCodes.REQUESTED.equals(event.status())) {
            return Window.NONE;
        }
        Instant requestedAt = requestedAt(event);
        if (window == null || window.openedAt() == null) {
            if (window != null && window.contacted()) {
                return Window.NONE;
            }
            Instant closesAt = policy.contactWindowClosesAt(requestedAt);
            return new Window(
                    WindowAction.OPEN,
                    requestedAt,
                    closesAt,
                    policy.contactWarningAt(closesAt),
                    false,
                    policy.source());
        }
        if (window.contacted()) {
            return Window.NONE;
        }
        boolean earlier = requestedAt.isBefore(window.openedAt());
        boolean later = window.currentAttempt() == null || event.attemptOrFirst() > window.currentAttempt();
        if (!earlier && !later) {
            return Window.NONE;
        }
        Instant openedAt = earlier ? requestedAt : window.openedAt();
        Instant closesAt = policy.contactWindowClosesAt(openedAt);
        return new Window(
                WindowAction.UPDATE, openedAt, closesAt, policy.contactWarningAt(closesAt), later, policy.source());
    }
}
