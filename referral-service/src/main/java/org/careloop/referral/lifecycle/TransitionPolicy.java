package org.careloop.referral.lifecycle;

import static org.careloop.referral.lifecycle.ReferralStatus.ACCEPTED;
import static org.careloop.referral.lifecycle.ReferralStatus.CANCELLED;
import static org.careloop.referral.lifecycle.ReferralStatus.COMPLETED;
import static org.careloop.referral.lifecycle.ReferralStatus.DRAFT;
import static org.careloop.referral.lifecycle.ReferralStatus.ENTERED_IN_ERROR;
import static org.careloop.referral.lifecycle.ReferralStatus.FAILED;
import static org.careloop.referral.lifecycle.ReferralStatus.IN_PROGRESS;
import static org.careloop.referral.lifecycle.ReferralStatus.ON_HOLD;
import static org.careloop.referral.lifecycle.ReferralStatus.REJECTED;
import static org.careloop.referral.lifecycle.ReferralStatus.REQUESTED;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Which status changes the referral lifecycle allows, and who may make them; pure Java, no framework. */
public final class TransitionPolicy {

    /** Outcome of checking one requested change. */
    public enum Verdict {
        ALLOWED,
        /** None of the caller's parts may set the target status. */
        FORBIDDEN,
        /** The lifecycle does not lead from the current status to the target. */
        INVALID_TRANSITION
    }

    private static final Map<ReferralStatus, EnumSet<ReferralStatus>> NEXT = new EnumMap<>(ReferralStatus.class);
    private static final Map<Party, EnumSet<ReferralStatus>> SETTABLE = new EnumMap<>(Party.class);

    // SDOHCC leaves statusReason optional but says it "should" be present for these; we require it so the
    // requester and the loop metrics always learn why a referral stopped or paused.
    private static final Set<ReferralStatus> REASON_REQUIRED = EnumSet.of(REJECTED, CANCELLED, FAILED, ON_HOLD);

    static {
        NEXT.put(DRAFT, EnumSet.of(REQUESTED, CANCELLED, ENTERED_IN_ERROR));
        NEXT.put(REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED, ENTERED_IN_ERROR));
        NEXT.put(ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR));
        NEXT.put(IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR));
        // A service can be delivered while the referral is paused (e.g. waiting on a document that then arrived).
        NEXT.put(ON_HOLD, EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR));
        for (ReferralStatus terminal : EnumSet.of(REJECTED, CANCELLED, FAILED, COMPLETED, ENTERED_IN_ERROR)) {
            NEXT.put(terminal, EnumSet.noneOf(ReferralStatus.class));
        }
        // SDOHCC: the owner may change only status, statusReason and output; the requester may change anything,
        // but here a clinic only withdraws (cancelled) or retracts (entered-in-error) what it sent.
        SETTABLE.put(Party.OWNER, EnumSet.of(ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, FAILED, COMPLETED, CANCELLED));
        SETTABLE.put(Party.REQUESTER, EnumSet.of(CANCELLED, ENTERED_IN_ERROR));
        SETTABLE.put(Party.COORDINATOR, EnumSet.allOf(ReferralStatus.class));
    }

    private TransitionPolicy() {}

    /** Statuses reachable in one step from {@code from}; empty for a terminal status. */
    public static Set<ReferralStatus> nextStatuses(ReferralStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    public static boolean isAllowed(ReferralStatus from, ReferralStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static boolean isTerminal(ReferralStatus status) {
        return NEXT.get(status).isEmpty();
    }

    /** Statuses a party may set, wherever the lifecycle allows it. */
    public static Set<ReferralStatus> settableBy(Party party) {
        return EnumSet.copyOf(SETTABLE.get(party));
    }

    public static boolean requiresReason(ReferralStatus to) {
        return REASON_REQUIRED.contains(to);
    }

    /**
     * Checks a change for a caller who plays {@code parties} for the referral: first whether any of them may set
     * {@code to} at all, then whether the lifecycle leads from {@code from} to {@code to}.
     */
    public static Verdict check(ReferralStatus from, ReferralStatus to, Collection<Party> parties) {
        boolean permitted = parties.stream().anyMatch(p -> SETTABLE.get(p).contains(to));
        if (!permitted) {
            return Verdict.FORBIDDEN;
        }
        return isAllowed(from, to) ? Verdict.ALLOWED : Verdict.INVALID_TRANSITION;
    }
}
