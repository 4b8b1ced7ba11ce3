package org.careloop.directory.holds;

import java.util.Optional;
import org.careloop.contracts.codes.ReferralStatusCodes;

/**
 * The hold state machine, driven by referral statuses in version order: {@code requested} holds tentatively,
 * {@code accepted}/{@code in-progress}/{@code on-hold} firmly, any end releases. A released hold never opens again, and
 * an event whose version is not above the last one applied changes nothing, so replays, duplicates and out-of-order
 * events are harmless. Pure logic.
 */
public final class HoldTransitions {

    private HoldTransitions() {}

    /** The hold state a referral status calls for; empty for {@code draft}, which neither takes nor gives a place. */
    public static Optional<HoldState> target(String status) {
        if (ReferralStatusCodes.REQUESTED.equals(status)) {
            return Optional.of(HoldState.TENTATIVE);
        }
        if (ReferralStatusCodes.TAKEN_ON.contains(status)) {
            return Optional.of(HoldState.FIRM);
        }
        if (ReferralStatusCodes.TERMINAL.contains(status)) {
            return Optional.of(HoldState.RELEASED);
        }
        return Optional.empty();
    }

    /**
     * Decides what a referral event does.
     *
     * @param current the hold's state, null when the referral has no hold yet
     * @param lastVersion the last referral version applied to the hold, null when none
     * @param version the event's referral version
     * @param status the event's referral status
     */
    public static HoldTransition decide(HoldState current, Long lastVersion, long version, String status) {
        if (lastVersion != null && version <= lastVersion) {
            return HoldTransition.ignored(current, "version " + lastVersion + " already applied");
        }
        if (current == HoldState.RELEASED) {
            // Frozen: the referral ended (or the place expired); nothing that comes later takes it back.
            return HoldTransition.ignored(current, "its hold was released");
        }
        HoldState to = target(status).orElse(current);
        boolean wasOpen = current != null && current.open();
        boolean isOpen = to != null && to.open();
        int delta = wasOpen == isOpen ? 0 : isOpen ? 1 : -1;
        return HoldTransition.applied(current, to, delta);
    }
}
