package org.careloop.notification.chase;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one referral change does to the chase timers: which pending timers of the referral it cancels, whether the
 * pending acknowledgement timers now name the newer version, which timers it schedules, and what it does to the need's
 * contact window.
 *
 * @param cancel kinds of the referral's pending timers to cancel
 * @param cancelReason why, recorded on each cancelled timer
 * @param refreshVersion the referral is still requested from the same owner: pending acknowledgement timers carry the
 *     new version, so that a recall names the version the referral service holds
 * @param schedule timers of the referral to schedule
 * @param window what happens to the need's contact window
 */
public record TimerPlan(
        Set<TimerKind> cancel, String cancelReason, boolean refreshVersion, List<Planned> schedule, Window window) {

    /** Nothing changes. */
    public static final TimerPlan NONE = new TimerPlan(Set.of(), null, false, List.of(), Window.NONE);

    public boolean isEmpty() {
        return cancel.isEmpty() && !refreshVersion && schedule.isEmpty() && window.action() == WindowAction.NONE;
    }

    /**
     * A timer to schedule.
     *
     * @param kind what it does
     * @param dueAt when
     * @param policy {@code default} or {@code organization}
     */
    public record Planned(TimerKind kind, Instant dueAt, String policy) {}

    /** What a change does to a need's contact window. */
    public enum WindowAction {
        NONE,
        /** The need's first request: the window opens and its warning is scheduled. */
        OPEN,
        /** An earlier request arrived late, or a later attempt took over: the window and its warning move. */
        UPDATE,
        /** An attempt reached in-progress or completed: the window is met and its warning cancelled. */
        CONTACTED
    }

    /**
     * The contact window part of a plan.
     *
     * @param action what happens
     * @param openedAt when the window opens (OPEN, UPDATE)
     * @param closesAt when it closes (OPEN, UPDATE)
     * @param warnAt when its warning is due (OPEN, UPDATE)
     * @param follow the pending warning now names this referral, the need's latest attempt (UPDATE)
     * @param policy {@code default} or {@code organization} (OPEN, UPDATE)
     */
    public record Window(
            WindowAction action, Instant openedAt, Instant closesAt, Instant warnAt, boolean follow, String policy) {

        public static final Window NONE = new Window(WindowAction.NONE, null, null, null, false, null);
    }

    /**
     * What the planner needs to know of a need's contact window.
     *
     * @param openedAt when it opened, null when no request was seen yet
     * @param currentAttempt the attempt its warning names
     * @param contacted whether contact was made
     */
    public record WindowState(Instant openedAt, Integer currentAttempt, boolean contacted) {

        public static WindowState of(ContactWindow window) {
            return window == null
                    ? null
                    : new WindowState(window.openedAt, window.currentAttempt, window.contactedAt != null);
        }
    }
}
