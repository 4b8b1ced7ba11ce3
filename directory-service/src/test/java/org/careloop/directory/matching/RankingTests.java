package org.careloop.directory.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careloop.directory.availability.Availability;
import org.careloop.directory.catalog.ServiceStatus;
import org.careloop.directory.responsiveness.ResponsivenessStats;
import org.junit.jupiter.api.Test;

class RankingTests {

    private static final String FOOD = "food-insecurity";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Ranking RANKING = new Ranking(RankingSettings.DEFAULTS);

    /** A food service of its own organization, with nothing learned about it and no recent load. */
    private static Candidate active(String id, int available, LocalDate assured) {
        return candidate(id, ServiceStatus.ACTIVE, available, 0, null, assured, ResponsivenessStats.NONE, 0);
    }

    private static Candidate candidate(
            String id,
            ServiceStatus status,
            Integer available,
            int held,
            Integer maximum,
            LocalDate assured,
            ResponsivenessStats stats,
            int recentHolds) {
        return new Candidate(
                FOOD,
                id,
                "org-" + id,
                status,
                available,
                held,
                maximum,
                available == null ? null : "household",
                assured,
                stats,
                recentHolds);
    }

    private static Candidate withStats(Candidate c, ResponsivenessStats stats) {
        return new Candidate(
                c.category(),
                c.serviceId(),
                c.organizationId(),
                c.status(),
                c.available(),
                c.held(),
                c.maximum(),
                c.unit(),
                c.assuredDate(),
                stats,
                c.recentHolds());
    }

    private static ResponsivenessStats answered(int accepted, int rejected, int recalled, Double medianHours, int n) {
        return new ResponsivenessStats(
                accepted + rejected + recalled,
                accepted,
                rejected,
                recalled,
                medianHours == null ? null : medianHours * 3600,
                n);
    }

    /** The candidate once a hold was taken there: one place fewer, one more recent hold for its organization. */
    private static Candidate afterHold(Candidate c) {
        return new Candidate(
                c.category(),
                c.serviceId(),
                c.organizationId(),
                c.status(),
                c.available() - 1,
                c.held() + 1,
                c.maximum(),
                c.unit(),
                c.assuredDate(),
                c.responsiveness(),
                c.recentHolds() + 1);
    }

    private static List<String> order(MatchOutcome outcome) {
        return outcome.ranked().stream().map(r -> r.candidate().serviceId()).toList();
    }

    @Test
    void onlyActiveServicesWithPlacesFreeAfterHoldsQualify() {
        var outcome = RANKING.rank(
                FOOD,
                List.of(
                        active("svc-full", 0, TODAY),
                        candidate(
                                "svc-all-held",
                                ServiceStatus.ACTIVE,
                                Availability.available(3, 3, 10),
                                3,
                                10,
                                TODAY,
                                ResponsivenessStats.NONE,
                                0),
                        candidate(
                                "svc-closed",
                                ServiceStatus.TEMPORARILY_CLOSED,
                                50,
                                0,
                                null,
                                null,
                                ResponsivenessStats.NONE,
                                0),
                        candidate(
                                "svc-inactive", ServiceStatus.INACTIVE, 50, 0, null, null, ResponsivenessStats.NONE, 0),
                        candidate("svc-defunct", ServiceStatus.DEFUNCT, 50, 0, null, null, ResponsivenessStats.NONE, 0),
                        candidate(
                                "svc-no-capacity",
                                ServiceStatus.ACTIVE,
                                null,
                                0,
                                null,
                                null,
                                ResponsivenessStats.NONE,
                                0),
                        active("svc-open", 1, null)),
                5,
                TODAY);

        // A service that publishes no capacity qualifies with capacity unknown, below every service with places.
        assertThat(order(outcome)).containsExactly("svc-open", "svc-no-capacity");
    }

    @Test
    void holdsReduceAvailablePlacesAndTheScore() {
        assertThat(Availability.available(25, 0, 40)).isEqualTo(25);
        assertThat(Availability.available(25, 1, 40)).isEqualTo(24);
        assertThat(Availability.available(2, 5, null)).isZero();
        assertThat(Availability.available(50, 0, 40))
                .as("never above the maximum")
                .isEqualTo(40);
        assertThat(Availability.baseline(10, 3)).isEqualTo(13);

        Candidate free = active("svc-a", Availability.available(10, 0, null), TODAY);
        Candidate held = candidate(
                "svc-b",
                ServiceStatus.ACTIVE,
                Availability.available(10, 6, null),
                6,
                null,
                TODAY,
                ResponsivenessStats.NONE,
                0);
        var outcome = RANKING.rank(FOOD, List.of(held, free), 5, TODAY);

        assertThat(order(outcome)).containsExactly("svc-a", "svc-b");
        assertThat(outcome.ranked().get(0).scores().capacity())
                .isGreaterThan(outcome.ranked().get(1).scores().capacity());
        assertThat(outcome.ranked().get(1).reason()).contains("4 household places free (6 held)");
    }

    @Test
    void morePlacesScoreHigherWithDiminishingReturns() {
        assertThat(RANKING.capacity(5)).isEqualTo(0.5);
        assertThat(RANKING.capacity(10)).isGreaterThan(RANKING.capacity(5));
        assertThat(RANKING.capacity(100) - RANKING.capacity(90)).isLessThan(RANKING.capacity(10) - RANKING.capacity(0));

        var outcome = RANKING.rank(
                FOOD,
                List.of(active("svc-b", 3, TODAY), active("svc-a", 25, TODAY), active("svc-c", 10, TODAY)),
                5,
                TODAY);

        assertThat(order(outcome)).containsExactly("svc-a", "svc-c", "svc-b");
        assertThat(outcome.ranked()).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
        assertThat(outcome.unmatchedReason()).isNull();
    }

    @Test
    void twentyNeedsInARowWithEqualCandidatesAlternateBetweenOrganizations() {
        Map<String, Candidate> current = new HashMap<>();
        current.put("svc-a", active("svc-a", 40, TODAY));
        current.put("svc-b", active("svc-b", 40, TODAY));
        List<String> chosen = new ArrayList<>();

        for (int need = 0; need < 20; need++) {
            RankedCandidate best =
                    RANKING.rank(FOOD, current.values(), 5, TODAY).best().orElseThrow();
            chosen.add(best.candidate().organizationId());
            current.put(best.candidate().serviceId(), afterHold(best.candidate()));
        }

        assertThat(chosen).filteredOn("org-svc-a"::equals).hasSize(10);
        assertThat(chosen).filteredOn("org-svc-b"::equals).hasSize(10);
        for (int i = 1; i < chosen.size(); i++) {
            assertThat(chosen.get(i)).as("need %d", i).isNotEqualTo(chosen.get(i - 1));
        }
    }

    @Test
    void loadIsSpreadEvenWhenOneCandidateIsSomewhatBetter() {
        // The demo's two food services: more places and a fresher assurance for the food bank.
        Map<String, Candidate> current = new HashMap<>();
        current.put(
                "svc-foodbank",
                candidate(
                        "svc-foodbank",
                        ServiceStatus.ACTIVE,
                        25,
                        0,
                        40,
                        LocalDate.of(2026, 11, 1),
                        ResponsivenessStats.NONE,
                        0));
        current.put(
                "svc-northside",
                candidate(
                        "svc-northside",
                        ServiceStatus.ACTIVE,
                        12,
                        0,
                        15,
                        LocalDate.of(2026, 10, 15),
                        ResponsivenessStats.NONE,
                        0));
        Map<String, Integer> byOrganization = new HashMap<>();

        for (int need = 0; need < 20; need++) {
            RankedCandidate best =
                    RANKING.rank(FOOD, current.values(), 5, TODAY).best().orElseThrow();
            byOrganization.merge(best.candidate().organizationId(), 1, Integer::sum);
            current.put(best.candidate().serviceId(), afterHold(best.candidate()));
        }

        assertThat(byOrganization.get("org-svc-foodbank")).isBetween(8, 14);
        assertThat(byOrganization.get("org-svc-northside")).isBetween(6, 12);
    }

    @Test
    void theLoadOfAnOrganizationIsRelativeToTheLeastLoadedCandidate() {
        assertThat(Ranking.load(0, 0)).isEqualTo(1.0);
        assertThat(Ranking.load(3, 3)).isEqualTo(1.0);
        assertThat(Ranking.load(1, 0)).isEqualTo(0.5);
        assertThat(Ranking.load(260, 240)).isLessThan(1.0).isGreaterThan(0.9);

        var outcome = RANKING.rank(
                FOOD,
                List.of(
                        candidate("svc-busy", ServiceStatus.ACTIVE, 10, 0, null, TODAY, ResponsivenessStats.NONE, 4),
                        candidate("svc-quiet", ServiceStatus.ACTIVE, 10, 0, null, TODAY, ResponsivenessStats.NONE, 1)),
                5,
                TODAY);

        assertThat(order(outcome)).containsExactly("svc-quiet", "svc-busy");
        assertThat(outcome.ranked().get(0).scores().load()).isEqualTo(1.0);
        assertThat(outcome.ranked().get(1).scores().load()).isEqualTo(2.0 / 5.0);
    }

    @Test
    void anOrganizationThatAcceptsMoreRanksHigher() {
        Candidate rejects = withStats(active("svc-a", 10, TODAY), answered(1, 8, 1, 2.0, 9));
        Candidate accepts = withStats(active("svc-b", 10, TODAY), answered(9, 1, 0, 2.0, 10));

        var outcome = RANKING.rank(FOOD, List.of(rejects, accepts), 5, TODAY);

        assertThat(order(outcome)).containsExactly("svc-b", "svc-a");
        assertThat(outcome.ranked().get(0).scores().acceptance()).isEqualTo(10.0 / 12.0);
        assertThat(outcome.ranked().get(1).scores().acceptance()).isEqualTo(2.0 / 12.0);
    }

    @Test
    void anOrganizationThatLetsReferralsLapseRanksLower() {
        Candidate recalled = withStats(active("svc-a", 10, TODAY), answered(2, 0, 6, 1.0, 2));
        Candidate fresh = active("svc-b", 10, TODAY);

        var outcome = RANKING.rank(FOOD, List.of(recalled, fresh), 5, TODAY);

        assertThat(order(outcome)).containsExactly("svc-b", "svc-a");
        assertThat(outcome.ranked().get(1).reason()).contains("accepts 25% (2 of 8)");
    }

    @Test
    void anOrganizationThatAcknowledgesFasterRanksHigher() {
        Candidate slow = withStats(active("svc-a", 10, TODAY), answered(5, 0, 0, 96.0, 5));
        Candidate fast = withStats(active("svc-b", 10, TODAY), answered(5, 0, 0, 1.0, 5));

        var outcome = RANKING.rank(FOOD, List.of(slow, fast), 5, TODAY);

        assertThat(order(outcome)).containsExactly("svc-b", "svc-a");
    }

    @Test
    void aNewServiceGetsANeutralPriorBetweenGoodAndPoorOnes() {
        Candidate good = withStats(active("svc-good", 10, TODAY), answered(9, 1, 0, 1.0, 10));
        Candidate poor = withStats(active("svc-poor", 10, TODAY), answered(1, 5, 4, 120.0, 6));
        Candidate fresh = active("svc-new", 10, TODAY);

        var outcome = RANKING.rank(FOOD, List.of(poor, fresh, good), 5, TODAY);

        assertThat(order(outcome)).containsExactly("svc-good", "svc-new", "svc-poor");
        Scores prior = outcome.ranked().get(1).scores();
        assertThat(prior.acceptance()).isEqualTo(0.5);
        assertThat(prior.acknowledgement()).as("prior 24 h at a 24 h scale").isEqualTo(0.5);
        assertThat(outcome.ranked().get(1).reason()).contains("no responses yet, acknowledgement time unknown");
    }

    @Test
    void fewSamplesArePulledTowardsThePrior() {
        double oneQuickSample = RANKING.acknowledgement(answered(1, 0, 0, 1.0, 1));
        double manyQuickSamples = RANKING.acknowledgement(answered(30, 0, 0, 1.0, 30));
        double prior = RANKING.acknowledgement(ResponsivenessStats.NONE);

        assertThat(prior).isEqualTo(0.5);
        assertThat(oneQuickSample).isGreaterThan(prior).isLessThan(manyQuickSamples);
    }

    @Test
    void recentlyAssuredServicesRankAboveOldAndNeverAssuredOnes() {
        assertThat(RANKING.freshness(null, TODAY)).isZero();
        assertThat(RANKING.freshness(TODAY, TODAY)).isEqualTo(1.0);
        assertThat(RANKING.freshness(TODAY.minusDays(180), TODAY)).isEqualTo(0.5);
        assertThat(RANKING.freshness(TODAY.plusDays(3), TODAY))
                .as("a future date counts as today")
                .isEqualTo(1.0);

        var outcome = RANKING.rank(
                FOOD,
                List.of(
                        active("svc-never", 5, null),
                        active("svc-old", 5, TODAY.minusDays(400)),
                        active("svc-new", 5, TODAY.minusDays(3))),
                5,
                TODAY);

        assertThat(order(outcome)).containsExactly("svc-new", "svc-old", "svc-never");
    }

    @Test
    void breaksExactTiesById() {
        var outcome = RANKING.rank(
                FOOD,
                List.of(active("svc-z", 5, TODAY), active("svc-a", 5, TODAY), active("svc-m", 5, TODAY)),
                5,
                TODAY);

        assertThat(order(outcome)).containsExactly("svc-a", "svc-m", "svc-z");
    }

    @Test
    void scoresAreWeightedMeansFromZeroToOneAndOnlyTheRatiosOfWeightsMatter() {
        List<Candidate> candidates = List.of(
                withStats(active("svc-a", 3, TODAY.minusDays(30)), answered(3, 2, 1, 5.0, 5)),
                withStats(active("svc-b", 30, null), answered(1, 1, 0, 50.0, 2)),
                candidate("svc-c", ServiceStatus.ACTIVE, 8, 2, 20, TODAY, ResponsivenessStats.NONE, 3));
        RankingSettings d = RankingSettings.DEFAULTS;
        RankingSettings.Weights w = d.weights();
        Ranking doubled = new Ranking(new RankingSettings(
                new RankingSettings.Weights(
                        w.capacity() * 2,
                        w.acceptance() * 2,
                        w.acknowledgement() * 2,
                        w.freshness() * 2,
                        w.load() * 2,
                        w.distance() * 2),
                d.capacityScale(),
                d.acknowledgementScale(),
                d.acknowledgementPrior(),
                d.acknowledgementPriorWeight(),
                d.freshnessScale(),
                d.loadWindow()));

        var outcome = RANKING.rank(FOOD, candidates, 5, TODAY);
        var same = doubled.rank(FOOD, candidates, 5, TODAY);

        assertThat(outcome.ranked()).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 1.0));
        assertThat(order(same)).isEqualTo(order(outcome));
        for (int i = 0; i < outcome.ranked().size(); i++) {
            assertThat(same.ranked().get(i).score())
                    .isCloseTo(outcome.ranked().get(i).score(), within());
            Scores s = outcome.ranked().get(i).scores();
            double mean = (w.capacity() * s.capacity()
                            + w.acceptance() * s.acceptance()
                            + w.acknowledgement() * s.acknowledgement()
                            + w.freshness() * s.freshness()
                            + w.load() * s.load()
                            + w.distance() * s.distance())
                    / (w.capacity() + w.acceptance() + w.acknowledgement() + w.freshness() + w.load() + w.distance());
            assertThat(outcome.ranked().get(i).score()).isCloseTo(mean, within());
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }

    @Test
    void aWeightOfZeroIgnoresThatPart() {
        RankingSettings d = RankingSettings.DEFAULTS;
        Ranking capacityOnly = new Ranking(new RankingSettings(
                new RankingSettings.Weights(1, 0, 0, 0, 0),
                d.capacityScale(),
                d.acknowledgementScale(),
                d.acknowledgementPrior(),
                d.acknowledgementPriorWeight(),
                d.freshnessScale(),
                d.loadWindow()));
        Candidate manyPlacesButPoor = withStats(
                candidate("svc-a", ServiceStatus.ACTIVE, 30, 0, null, null, ResponsivenessStats.NONE, 9),
                answered(0, 9, 0, 200.0, 9));
        Candidate fewPlacesButGood = withStats(active("svc-b", 2, TODAY), answered(9, 0, 0, 1.0, 9));

        assertThat(order(capacityOnly.rank(FOOD, List.of(fewPlacesButGood, manyPlacesButPoor), 5, TODAY)))
                .containsExactly("svc-a", "svc-b");
        assertThat(order(RANKING.rank(FOOD, List.of(fewPlacesButGood, manyPlacesButPoor), 5, TODAY)))
                .containsExactly("svc-b", "svc-a");
    }

    @Test
    void rejectsSettingsThatCannotScore() {
        assertThatThrownBy(() -> new RankingSettings.Weights(-0.1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingSettings.Weights(0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        RankingSettings d = RankingSettings.DEFAULTS;
        assertThatThrownBy(() -> new RankingSettings(
                        d.weights(),
                        0,
                        d.acknowledgementScale(),
                        d.acknowledgementPrior(),
                        3,
                        d.freshnessScale(),
                        d.loadWindow()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingSettings(
                        d.weights(), 5, Duration.ZERO, d.acknowledgementPrior(), 3, d.freshnessScale(), d.loadWindow()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoresCandidatesOfOtherCategoriesAndExcludedServices() {
        var housing = new Candidate(
                "housing-instability",
                "svc-house",
                "org-h",
                ServiceStatus.ACTIVE,
                99,
                0,
                null,
                "household",
                null,
                ResponsivenessStats.NONE,
                0);

        var outcome = RANKING.rank(
                FOOD,
                List.of(housing, active("svc-food", 1, null), active("svc-tried", 9, TODAY)),
                Set.of("svc-tried"),
                5,
                TODAY);

        assertThat(order(outcome)).containsExactly("svc-food");
    }

    @Test
    void returnsAtMostLimitCandidates() {
        var outcome = RANKING.rank(
                FOOD, List.of(active("svc-a", 1, null), active("svc-b", 2, null), active("svc-c", 3, null)), 2, TODAY);

        assertThat(order(outcome)).containsExactly("svc-c", "svc-b");
        assertThat(outcome.best()).map(r -> r.candidate().serviceId()).contains("svc-c");
    }

    @Test
    void explainsEachCandidate() {
        Candidate known = candidate(
                "svc-a",
                ServiceStatus.ACTIVE,
                24,
                1,
                40,
                LocalDate.of(2026, 11, 1),
                new ResponsivenessStats(6, 4, 1, 0, 3 * 3600.0, 5),
                2);
        Candidate unknown = active("svc-b", 25, null);
        Candidate quick = candidate(
                "svc-c", ServiceStatus.ACTIVE, 1, 0, null, TODAY, new ResponsivenessStats(1, 0, 1, 0, 1500.0, 1), 1);

        var outcome = RANKING.rank(FOOD, List.of(known, unknown, quick), 5, TODAY);

        assertThat(outcome.ranked())
                .extracting(RankedCandidate::reason)
                .containsExactlyInAnyOrder(
                        "active, 24 of 40 household places free (1 held), accepts 80% (4 of 5), acknowledges in 3 h"
                                + " (median of 5), assured 2026-11-01, 2 referrals in the last 24 h",
                        "active, 25 household places free, no responses yet, acknowledgement time unknown, never"
                                + " assured, no referrals in the last 24 h",
                        "active, 1 household place free, accepts 0% (0 of 1), acknowledges in 25 min (median of 1),"
                                + " assured 2026-11-24, 1 referral in the last 24 h");
    }

    @Test
    void explainsWhyNothingQualifies() {
        var outcome = RANKING.rank(
                FOOD,
                List.of(
                        active("svc-full-1", 0, null),
                        active("svc-full-2", 0, null),
                        candidate(
                                "svc-inactive", ServiceStatus.INACTIVE, 9, 0, null, null, ResponsivenessStats.NONE, 0),
                        active("svc-tried", 9, null)),
                Set.of("svc-tried"),
                5,
                TODAY);

        assertThat(outcome.ranked()).isEmpty();
        assertThat(outcome.best()).isEmpty();
        assertThat(outcome.unmatchedReason())
                .isEqualTo("no service qualifies for food-insecurity: 2 full, 1 not active, 1 already tried");
    }

    @Test
    void explainsThatEveryServiceWasTried() {
        assertThat(RANKING.rank(FOOD, List.of(active("svc-a", 5, null)), Set.of("svc-a"), 1, TODAY)
                        .unmatchedReason())
                .isEqualTo("no service qualifies for food-insecurity: 1 already tried");
    }

    @Test
    void explainsAnUncoveredCategory() {
        assertThat(RANKING.rank("veteran-status", List.of(active("svc-a", 5, null)), 1, TODAY)
                        .unmatchedReason())
                .isEqualTo("no service in the directory addresses veteran-status");
    }

    @Test
    void explainsAnUnknownCategory() {
        assertThat(RANKING.rank("interpersonal-safety", List.of(), 1, TODAY).unmatchedReason())
                .isEqualTo("'interpersonal-safety' is not an SDOHCC category code");
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> RANKING.rank(FOOD, List.of(), 0, TODAY)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Candidate withFit(Candidate c, Candidate.Fit fit) {
        return new Candidate(
                c.category(),
                c.serviceId(),
                c.organizationId(),
                c.status(),
                c.available(),
                c.held(),
                c.maximum(),
                c.unit(),
                c.assuredDate(),
                c.responsiveness(),
                c.recentHolds(),
                fit);
    }

    private static final Person PERSON = new Person("02118", "65+", "es");

    private static Candidate.Fit at(Double km) {
        return new Candidate.Fit(PERSON, false, km, 25, true, "Spanish", false, true);
    }

    @Test
    void closerRanksHigherAllElseEqualAndAnUnknownDistanceIsNeutral() {
        var outcome = RANKING.rank(
                FOOD,
                List.of(
                        withFit(active("svc-far", 5, TODAY), at(20.0)),
                        withFit(active("svc-near", 5, TODAY), at(0.8)),
                        withFit(active("svc-area", 5, TODAY), at(null))),
                5,
                TODAY);

        assertThat(order(outcome)).containsExactly("svc-near", "svc-area", "svc-far");
        Scores near = outcome.ranked().get(0).scores();
        assertThat(near.distance()).isCloseTo(5 / 5.8, within());
        assertThat(outcome.ranked().get(1).scores().distance()).isEqualTo(0.5);
        assertThat(outcome.ranked().get(2).scores().distance()).isCloseTo(5 / 25.0, within());
        assertThat(RANKING.distance(0.0)).isEqualTo(1.0);
        assertThat(RANKING.distance(5.0)).isEqualTo(0.5);
    }

    @Test
    void aDistanceWeightOfZeroIgnoresDistance() {
        RankingSettings d = RankingSettings.DEFAULTS;
        Ranking noDistance = new Ranking(new RankingSettings(
                new RankingSettings.Weights(0.30, 0.20, 0.15, 0.10, 0.25, 0),
                d.capacityScale(),
                d.acknowledgementScale(),
                d.acknowledgementPrior(),
                d.acknowledgementPriorWeight(),
                d.freshnessScale(),
                d.loadWindow(),
                d.distanceScaleKm()));

        var outcome = noDistance.rank(
                FOOD,
                List.of(
                        withFit(active("svc-b-near", 5, TODAY), at(0.1)),
                        withFit(active("svc-a-far", 5, TODAY), at(24.0))),
                5,
                TODAY);

        assertThat(order(outcome)).containsExactly("svc-a-far", "svc-b-near");
        assertThatThrownBy(() -> new RankingSettings(
                        d.weights(),
                        d.capacityScale(),
                        d.acknowledgementScale(),
                        d.acknowledgementPrior(),
                        d.acknowledgementPriorWeight(),
                        d.freshnessScale(),
                        d.loadWindow(),
                        0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capacityUnknownRanksBelowEveryServiceWithPlacesHoweverCloseItIs() {
        Candidate unknown = withFit(
                candidate("svc-unknown", ServiceStatus.ACTIVE, null, 0, null, TODAY, ResponsivenessStats.NONE, 0),
                at(0.0));
        var outcome =
                RANKING.rank(FOOD, List.of(unknown, withFit(active("svc-one-place", 1, null), at(24.9))), 5, TODAY);

        assertThat(order(outcome)).containsExactly("svc-one-place", "svc-unknown");
        RankedCandidate last = outcome.ranked().get(1);
        assertThat(last.scores().capacity()).isZero();
        assertThat(last.reason())
                .startsWith("0.0 km (serves within 25 km), speaks Spanish, open to 65+, active, capacity unknown, ");
    }

    @Test
    void theReasonSaysWhereWhichLanguageAndWhichAgeAndWhatIsUnknown() {
        Candidate c = active("svc-a", 12, null);
        assertThat(RANKING.reason(withFit(c, at(2.44))))
                .startsWith(
                        "2.4 km (serves within 25 km), speaks Spanish, open to 65+, active, 12 household places free, ");
        assertThat(RANKING.reason(withFit(c, new Candidate.Fit(PERSON, true, 12.6, 25, false, null, true, true))))
                .startsWith("serves 02118, 13 km, interpretation for Spanish, open to 65+, active, ");
        assertThat(RANKING.reason(withFit(c, new Candidate.Fit(PERSON, true, null, 25, false, null, false, false))))
                .startsWith("serves 02118, languages not published, open to 65+, active, ");
        assertThat(RANKING.reason(withFit(
                        c, new Candidate.Fit(new Person(null, null, "vi"), false, null, 25, true, null, false, true))))
                .startsWith("place unknown, speaks Vietnamese, age unknown, active, ");
        assertThat(RANKING.reason(withFit(
                        c,
                        new Candidate.Fit(new Person("02118", null, null), true, null, 25, false, null, false, false))))
                .startsWith("serves 02118, language unknown, age unknown, active, ");
        // Nothing known of the person: the reason reads as it did before matching by place.
        assertThat(RANKING.reason(c)).startsWith("active, 12 household places free, ");
    }

    @Test
    void explainsWhyNothingQualifiedForThePersonWithCountsPerReason() {
        assertThat(Ranking.whyUnmatched(FOOD, PERSON, new Unqualified(9, 1, 1, 1, 3, 1, 2, 0)))
                .isEqualTo("no service qualifies for food-insecurity: 3 out of area, 1 does not accept age 65+,"
                        + " 2 do not speak Spanish or offer interpretation, 1 not active,"
                        + " 1 outside the person's consent, 1 already tried");
        assertThat(Ranking.whyUnmatched(FOOD, Person.UNKNOWN, new Unqualified(2, 0, 0, 0, 0, 0, 0, 2)))
                .isEqualTo("no service qualifies for food-insecurity: 2 full");
        assertThat(Ranking.whyUnmatched(FOOD, PERSON, new Unqualified(0, 0, 0, 0, 0, 0, 0, 0)))
                .isEqualTo("no service in the directory addresses food-insecurity");
    }

    @Test
    void personFactsAreReadAsEventsCarryThem() {
        assertThat(Person.of("02118-4433", "65+", "es-US")).isEqualTo(new Person("02118", "65+", "es"));
        assertThat(Person.of("SW1A 1AA", "old", "???")).isEqualTo(Person.UNKNOWN);
        assertThat(Person.of(null, null, "zh-Hant-TW").language()).isEqualTo("zh");
        assertThat(new Person(null, "26-44", null).minimumAge()).isEqualTo(26);
        assertThat(new Person(null, "26-44", null).maximumAge()).isEqualTo(44);
        assertThat(new Person(null, "65+", null).maximumAge()).isEqualTo(150);
        assertThat(Person.UNKNOWN.minimumAge()).isNull();
        assertThat(Person.languageName("es")).isEqualTo("Spanish");
        assertThatThrownBy(() -> new Person("0211", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
