package org.careloop.referral.routing;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which candidate a need goes to next; pure Java. Candidates are taken in the directory's order (match round, then
 * rank). A candidate is skipped when its service was tried already, when its organization was tried already (a
 * re-route always goes to another organization), or when the directory has since published that it has no place
 * or is not active, or when the person's consent does not cover its organization. A service the replica does not know
 * yet is trusted: the directory matched it with capacity.
 */
public final class NextCandidate {

    private NextCandidate() {}

    /** What the replica knows of a service: whether it takes referrals now. */
    public interface Availability {
        boolean hasPlaces();
    }

    /**
     * @param candidates in the directory's order
     * @param triedServices services the need was referred to already
     * @param triedOrganizations organizations the need was referred to already
     * @param known the replica's view of (some of) the candidates' services, by service id
     * @param serviceId the candidate's service id
     * @param organizationId the candidate's organization id
     */
    public static <C> Optional<C> choose(
            Collection<C> candidates,
            Set<String> triedServices,
            Set<String> triedOrganizations,
            Map<String, ? extends Availability> known,
            Function<C, String> serviceId,
            Function<C, String> organizationId) {
        return choose(candidates, triedServices, triedOrganizations, known, serviceId, organizationId, o -> true);
    }

    /**
     * As {@link #choose(Collection, Set, Set, Map, Function, Function)}, skipping the candidates whose organization
     * {@code consented} refuses (the person's consent does not cover it).
     */
    public static <C> Optional<C> choose(
            Collection<C> candidates,
            Set<String> triedServices,
            Set<String> triedOrganizations,
            Map<String, ? extends Availability> known,
            Function<C, String> serviceId,
            Function<C, String> organizationId,
            Predicate<String> consented) {
        for (C candidate : candidates) {
            String service = serviceId.apply(candidate);
            String organization = organizationId.apply(candidate);
            if (triedServices.contains(service) || triedOrganizations.contains(organization)) {
                continue;
            }
            if (!consented.test(organization)) {
                continue;
            }
            Availability availability = known.get(service);
            if (availability != null && !availability.hasPlaces()) {
                continue;
            }
            return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
