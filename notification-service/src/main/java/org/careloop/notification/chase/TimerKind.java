package org.careloop.notification.chase;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.careloop.contracts.codes.ChaseKinds;

/** What a chase timer does when it fires, and the {@code referral-chased} kind it publishes. */
public enum TimerKind {
    /** Remind the owner organization to acknowledge a requested referral. */
    REMIND(ChaseKinds.REMINDER),
    /** Tell coordinators that a requested referral is still unacknowledged (the acknowledgement deadline). */
    ESCALATE(ChaseKinds.ESCALATION),
    /** Recall the unacknowledged referral so that it is re-routed. */
    RECALL(ChaseKinds.RECALL),
    /** Ask the owner for an update on a referral accepted, in progress or on hold too long; repeats. */
    OUTCOME_UPDATE(ChaseKinds.OUTCOME_UPDATE_REQUESTED),
    /** Warn that the need's contact window (MIPS #498) is about to close. */
    CONTACT_WINDOW_WARNING(ChaseKinds.CONTACT_WINDOW_WARNING);

    /** The timers a request schedules and an acknowledgement cancels. */
    public static final Set<TimerKind> ACKNOWLEDGEMENT = Set.copyOf(EnumSet.of(REMIND, ESCALATE, RECALL));

    /** The timers that belong to one referral (the contact window belongs to the need). */
    public static final Set<TimerKind> OF_REFERRAL = Set.copyOf(EnumSet.of(REMIND, ESCALATE, RECALL, OUTCOME_UPDATE));

    private final String chaseKind;

    TimerKind(String chaseKind) {
        this.chaseKind = chaseKind;
    }

    /** The {@code ChaseKinds} code published and shown in the API. */
    public String chaseKind() {
        return chaseKind;
    }

    /** The timer kind of a {@code ChaseKinds} code. */
    public static Optional<TimerKind> ofChaseKind(String code) {
        return Arrays.stream(values()).filter(k -> k.chaseKind.equals(code)).findFirst();
    }
}
