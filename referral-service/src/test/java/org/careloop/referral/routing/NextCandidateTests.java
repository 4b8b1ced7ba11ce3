package org.careloop.referral.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NextCandidateTests {

    private record C(String service, String organization) {}

    private static final NextCandidate.Availability FULL = () -> false;
    private static final NextCandidate.Availability FREE = () -> true;

    private static Optional<C> choose(
            List<C> candidates,
            Set<String> services,
            Set<String> organizations,
            Map<String, NextCandidate.Availability> known) {
        return NextCandidate.choose(candidates, services, organizations, known, C::service, C::organization);
    }

    @Test
    void takesTheFirstCandidateInTheDirectorysOrder() {
        assertThat(choose(List.of(new C("s1", "o1"), new C("s2", "o2")), Set.of(), Set.of(), Map.of()))
                .contains(new C("s1", "o1"));
    }

    @Test
    void skipsServicesAndOrganizationsTriedAlready() {
        List<C> candidates = List.of(new C("s1", "o1"), new C("s2", "o1"), new C("s3", "o2"), new C("s4", "o3"));
        assertThat(choose(candidates, Set.of("s1"), Set.of("o1"), Map.of())).contains(new C("s3", "o2"));
        assertThat(choose(candidates, Set.of("s3"), Set.of("o1"), Map.of())).contains(new C("s4", "o3"));
    }

    @Test
    void skipsServicesTheDirectoryHasSincePublishedFullOrInactiveAndTrustsUnknownOnes() {
        List<C> candidates = List.of(new C("s1", "o1"), new C("s2", "o2"), new C("s3", "o3"));
        assertThat(choose(candidates, Set.of(), Set.of(), Map.of("s1", FULL, "s2", FREE)))
                .contains(new C("s2", "o2"));
        assertThat(choose(candidates, Set.of(), Set.of(), Map.of("s1", FULL, "s2", FULL)))
                .contains(new C("s3", "o3"));
    }

    @Test
    void nothingWhenEveryCandidateIsUsedUp() {
        List<C> candidates = List.of(new C("s1", "o1"), new C("s2", "o2"));
        assertThat(choose(candidates, Set.of("s1"), Set.of("o2"), Map.of())).isEmpty();
        assertThat(choose(List.of(), Set.of(), Set.of(), Map.of())).isEmpty();
    }

    @Test
    void skipsOrganizationsThePersonsConsentDoesNotCover() {
        List<C> candidates = List.of(new C("s1", "o1"), new C("s2", "o2"), new C("s3", "o3"));
        assertThat(NextCandidate.choose(
                        candidates, Set.of(), Set.of(), Map.of(), C::service, C::organization, o -> !o.equals("o1")))
                .contains(new C("s2", "o2"));
        assertThat(NextCandidate.choose(
                        candidates, Set.of(), Set.of(), Map.of(), C::service, C::organization, o -> false))
                .isEmpty();
    }
}
