package org.careloop.directory.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.careloop.directory.catalog.ServiceStatus;
import org.junit.jupiter.api.Test;

class RankingTests {

    private static final String FOOD = "food-insecurity";

    private static Candidate candidate(String id, ServiceStatus status, Integer available, LocalDate assured) {
        return new Candidate(FOOD, id, "org-" + id, status, available, available == null ? null : "household", assured);
    }

    private static Candidate active(String id, int available, LocalDate assured) {
        return candidate(id, ServiceStatus.ACTIVE, available, assured);
    }

    @Test
    void ranksByAvailablePlacesFirst() {
        var outcome = Ranking.rank(
                FOOD,
                List.of(
                        active("svc-b", 3, LocalDate.of(2026, 1, 1)),
                        active("svc-a", 25, LocalDate.of(2025, 1, 1)),
                        active("svc-c", 10, null)),
                5);

        assertThat(outcome.ranked())
                .extracting(r -> r.candidate().serviceId())
                .containsExactly("svc-a", "svc-c", "svc-b");
        assertThat(outcome.ranked()).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
        assertThat(outcome.unmatchedReason()).isNull();
    }

    @Test
    void breaksTiesByMostRecentAssuranceWithUnassuredLast() {
        var outcome = Ranking.rank(
                FOOD,
                List.of(
                        active("svc-never", 5, null),
                        active("svc-old", 5, LocalDate.of(2026, 1, 10)),
                        active("svc-new", 5, LocalDate.of(2026, 11, 1))),
                5);

        assertThat(outcome.ranked())
                .extracting(r -> r.candidate().serviceId())
                .containsExactly("svc-new", "svc-old", "svc-never");
    }

    @Test
    void breaksRemainingTiesById() {
        LocalDate same = LocalDate.of(2026, 5, 5);
        var outcome = Ranking.rank(
                FOOD, List.of(active("svc-z", 5, same), active("svc-a", 5, same), active("svc-m", 5, same)), 5);

        assertThat(outcome.ranked())
                .extracting(r -> r.candidate().serviceId())
                .containsExactly("svc-a", "svc-m", "svc-z");
    }

    @Test
    void onlyActiveServicesWithPlacesQualify() {
        var outcome = Ranking.rank(
                FOOD,
                List.of(
                        active("svc-full", 0, LocalDate.of(2026, 1, 1)),
                        candidate("svc-closed", ServiceStatus.TEMPORARILY_CLOSED, 50, null),
                        candidate("svc-inactive", ServiceStatus.INACTIVE, 50, null),
                        candidate("svc-defunct", ServiceStatus.DEFUNCT, 50, null),
                        candidate("svc-no-capacity", ServiceStatus.ACTIVE, null, null),
                        active("svc-open", 1, null)),
                5);

        assertThat(outcome.ranked()).extracting(r -> r.candidate().serviceId()).containsExactly("svc-open");
    }

    @Test
    void ignoresCandidatesOfOtherCategories() {
        var housing =
                new Candidate("housing-instability", "svc-house", "org-h", ServiceStatus.ACTIVE, 99, "household", null);

        var outcome = Ranking.rank(FOOD, List.of(housing, active("svc-food", 1, null)), 5);

        assertThat(outcome.ranked()).extracting(r -> r.candidate().serviceId()).containsExactly("svc-food");
    }

    @Test
    void returnsAtMostLimitCandidates() {
        var outcome = Ranking.rank(
                FOOD, List.of(active("svc-a", 1, null), active("svc-b", 2, null), active("svc-c", 3, null)), 2);

        assertThat(outcome.ranked()).extracting(r -> r.candidate().serviceId()).containsExactly("svc-c", "svc-b");
        assertThat(outcome.best()).map(r -> r.candidate().serviceId()).contains("svc-c");
    }

    @Test
    void explainsEachRank() {
        var outcome = Ranking.rank(
                FOOD, List.of(active("svc-a", 25, LocalDate.of(2026, 11, 1)), active("svc-b", 3, null)), 5);

        assertThat(outcome.ranked())
                .extracting(RankedCandidate::reason)
                .containsExactly(
                        "active, 25 household places available, assured 2026-11-01",
                        "active, 3 household places available, never assured");
    }

    @Test
    void explainsWhyNothingQualifies() {
        var outcome = Ranking.rank(
                FOOD,
                List.of(
                        active("svc-full-1", 0, null),
                        active("svc-full-2", 0, null),
                        candidate("svc-no-capacity", ServiceStatus.ACTIVE, null, null),
                        candidate("svc-inactive", ServiceStatus.INACTIVE, 9, null)),
                5);

        assertThat(outcome.ranked()).isEmpty();
        assertThat(outcome.best()).isEmpty();
        assertThat(outcome.unmatchedReason())
                .isEqualTo("no active service with places available for food-insecurity: 2 services full,"
                        + " 1 without published capacity, 1 not active");
    }

    @Test
    void explainsAnUncoveredCategory() {
        assertThat(Ranking.rank("veteran-status", List.of(active("svc-a", 5, null)), 1)
                        .unmatchedReason())
                .isEqualTo("no service in the directory addresses veteran-status");
    }

    @Test
    void explainsAnUnknownCategory() {
        assertThat(Ranking.rank("interpersonal-safety", List.of(), 1).unmatchedReason())
                .isEqualTo("'interpersonal-safety' is not an SDOHCC category code");
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> Ranking.rank(FOOD, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
