package org.careloop.directory.responsiveness;

import java.util.List;
import java.util.Optional;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.codes.StatusReasonCodes;

/**
 * How an organization's response to a referral is read from {@code referral-updated}. Only the organization's own first
 * response counts: a change made on its behalf (a coordinator) or by CareLoop is not its acknowledgement, and a recall
 * counts as no response. Pure logic.
 */
public final class Responsiveness {

    private static final List<String> TAKEN = List.of(
            ReferralStatusCodes.ACCEPTED,
            ReferralStatusCodes.IN_PROGRESS,
            ReferralStatusCodes.ON_HOLD,
            ReferralStatusCodes.COMPLETED);

    private static final List<String> REFUSED = List.of(ReferralStatusCodes.REJECTED, ReferralStatusCodes.FAILED);

    private Responsiveness() {}

    /**
     * How a referral left {@code requested}, or empty when this change is not its first way out of it.
     *
     * @param previousStatus the status before the change
     * @param status the status after it
     * @param statusReasonCode the coded reason, may be null
     * @param changedByRole who made the change; null from older producers, read as the owner for statuses only the
     *     owner sets
     */
    public static Optional<ResponseKind> classify(
            String previousStatus, String status, String statusReasonCode, String changedByRole) {
        if (!ReferralStatusCodes.REQUESTED.equals(previousStatus)
                || ReferralStatusCodes.REQUESTED.equals(status)
                || ReferralStatusCodes.DRAFT.equals(status)) {
            return Optional.empty();
        }
        if (ReferralStatusCodes.CANCELLED.equals(status)
                && StatusReasonCodes.RECALLED_NO_RESPONSE.equals(statusReasonCode)) {
            return Optional.of(ResponseKind.RECALLED);
        }
        boolean owner = ActorRoles.OWNER.equals(changedByRole)
                || (changedByRole == null && ReferralStatusCodes.OWNER_RESPONSES.contains(status));
        if (owner && TAKEN.contains(status)) {
            return Optional.of(ResponseKind.ACCEPTED);
        }
        if (owner && REFUSED.contains(status)) {
            return Optional.of(ResponseKind.REJECTED);
        }
        return Optional.of(ResponseKind.NONE);
    }

    /** Whether a response is the organization's acknowledgement, so its delay is a time to acknowledge. */
    public static boolean acknowledges(ResponseKind kind) {
        return kind == ResponseKind.ACCEPTED || kind == ResponseKind.REJECTED;
    }

    /** Acceptances over responses with a neutral (Laplace) prior: {@code (accepted + 1) / (responses + 2)}. */
    public static double acceptanceRate(int accepted, int responses) {
        return (accepted + 1.0) / (responses + 2.0);
    }

    /** The median of some durations in seconds (the mean of the middle two for an even count), or null for none. */
    public static Double median(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle).doubleValue();
        }
        return (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
