package org.careloop.directory.holds;

/**
 * What a referral event does to a hold.
 *
 * @param apply false when the event changes nothing: its version is not above the last one applied, or the hold was
 *     already released
 * @param from the state before, null when there is no hold yet
 * @param to the state after, null when no hold is needed (a draft referral with none)
 * @param heldDelta +1 when a place is taken, -1 when one is given back, else 0
 * @param ignoredBecause why the event changes nothing, null when it applies
 */
public record HoldTransition(boolean apply, HoldState from, HoldState to, int heldDelta, String ignoredBecause) {

    static HoldTransition ignored(HoldState current, String because) {
        return new HoldTransition(false, current, current, 0, because);
    }

    static HoldTransition applied(HoldState from, HoldState to, int heldDelta) {
        return new HoldTransition(true, from, to, heldDelta, null);
    }

    /** Whether the hold's state changes. */
    public boolean changesState() {
        return apply && to != from;
    }
}
