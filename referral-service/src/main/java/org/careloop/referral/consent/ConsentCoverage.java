package org.careloop.referral.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.careloop.contracts.codes.ConsentStatusCodes;
import org.careloop.contracts.codes.StatusReasonCodes;

/**
 * Whether a person's consent lets an organization receive their needs; pure Java. A decision covers an organization
 * while it is {@code active}, its period has not ended and it names the organization (or names none: all of them).
 * Of a person's decisions at one clinic, the most recently changed one governs.
 */
public final class ConsentCoverage {

    private ConsentCoverage() {}

    /** A consent decision, as far as coverage is concerned. */
    public interface Decision {
        String status();

        /** The organizations an active decision covers; null for all of them. */
        java.util.List<String> recipients();

        Instant validUntil();

        Instant changedAt();

        long version();
    }

    /** The decision that governs among a person's decisions at one clinic: the latest change, then the highest version. */
    public static <D extends Decision> Optional<D> current(Collection<D> decisions) {
        return decisions.stream().max(Comparator.comparing(Decision::changedAt).thenComparingLong(Decision::version));
    }

    /** Whether anything may be shared under the decision at {@code now}: active and not past its end. */
    public static boolean permits(Decision decision, Instant now) {
        return ConsentStatusCodes.permits(decision.status())
                && (decision.validUntil() == null || now.isBefore(decision.validUntil()));
    }

    /** Whether the decision lets {@code organizationId} receive the person's needs at {@code now}. */
    public static boolean covers(Decision decision, String organizationId, Instant now) {
        return permits(decision, now)
                && organizationId != null
                && (decision.recipients() == null || decision.recipients().contains(organizationId));
    }

    /**
     * Why a referral to an organization the decision does not cover ends: {@code consent-revoked} when the person
     * withdrew or refused, {@code consent-expired} when the decision ran out or no longer names the organization.
     */
    public static String endReason(Decision decision) {
        return ConsentStatusCodes.REVOKED.equals(decision.status())
                        || ConsentStatusCodes.REFUSED.equals(decision.status())
                ? StatusReasonCodes.CONSENT_REVOKED
                : StatusReasonCodes.CONSENT_EXPIRED;
    }
}
