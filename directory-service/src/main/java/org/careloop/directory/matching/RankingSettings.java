package org.careloop.directory.matching;

import java.time.Duration;

/**
 * Weights and scales of {@link Ranking}.
 *
 * @param weights how much each part of the score counts; only their ratios matter
 * @param capacityScale places free that score 0.5 on capacity
 * @param acknowledgementScale median time to acknowledge that scores 0.5
 * @param acknowledgementPrior time to acknowledge assumed without samples (neutral prior)
 * @param acknowledgementPriorWeight how many samples the prior counts as
 * @param freshnessScale age of {@code assured_date} that scores 0.5
 * @param loadWindow how far back holds count as recent load
 * @param distanceScaleKm distance from the person's postal code that scores 0.5 on distance
 */
public record RankingSettings(
        Weights weights,
        int capacityScale,
        Duration acknowledgementScale,
        Duration acknowledgementPrior,
        double acknowledgementPriorWeight,
        Duration freshnessScale,
        Duration loadWindow,
        double distanceScaleKm) {

    /** The defaults of {@code careloop.directory.ranking.*}. */
    public static final RankingSettings DEFAULTS = new RankingSettings(
            Weights.DEFAULTS,
            5,
            Duration.ofHours(24),
            Duration.ofHours(24),
            3,
            Duration.ofDays(180),
            Duration.ofHours(24),
            5);

    /** Settings without a distance scale of their own (the default, 5 km). */
    public RankingSettings(
            Weights weights,
            int capacityScale,
            Duration acknowledgementScale,
            Duration acknowledgementPrior,
            double acknowledgementPriorWeight,
            Duration freshnessScale,
            Duration loadWindow) {
        this(
                weights,
                capacityScale,
                acknowledgementScale,
                acknowledgementPrior,
                acknowledgementPriorWeight,
                freshnessScale,
                loadWindow,
                5);
    }

    public RankingSettings {
        if (capacityScale < 1) {
            throw new IllegalArgumentException("capacity-scale must be at least 1, was " + capacityScale);
        }
        requirePositive("acknowledgement-scale", acknowledgementScale);
        requirePositive("freshness-scale", freshnessScale);
        requirePositive("load-window", loadWindow);
        if (!(distanceScaleKm > 0) || Double.isInfinite(distanceScaleKm)) {
            throw new IllegalArgumentException("distance-scale-km must be positive, was " + distanceScaleKm);
        }
        if (acknowledgementPrior == null || acknowledgementPrior.isNegative()) {
            throw new IllegalArgumentException("acknowledgement-prior must be 0 or more, was " + acknowledgementPrior);
        }
        if (!(acknowledgementPriorWeight >= 0)) {
            throw new IllegalArgumentException(
                    "acknowledgement-prior-weight must be 0 or more, was " + acknowledgementPriorWeight);
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /**
     * Weights of the parts of the score.
     *
     * @param capacity places free after holds
     * @param acceptance acceptance rate
     * @param acknowledgement time to acknowledge
     * @param freshness assured date
     * @param load recent holds of the organization
     * @param distance distance from the person's postal code
     */
    public record Weights(
            double capacity,
            double acceptance,
            double acknowledgement,
            double freshness,
            double load,
            double distance) {

        public static final Weights DEFAULTS = new Weights(0.30, 0.20, 0.15, 0.10, 0.25, 0.20);

        public Weights {
            for (double w : new double[] {capacity, acceptance, acknowledgement, freshness, load, distance}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("ranking weights must be finite and 0 or more");
                }
            }
            if (capacity + acceptance + acknowledgement + freshness + load + distance <= 0) {
                throw new IllegalArgumentException("at least one ranking weight must be positive");
            }
        }

        /** Weights without a distance part. */
        public Weights(double capacity, double acceptance, double acknowledgement, double freshness, double load) {
            this(capacity, acceptance, acknowledgement, freshness, load, 0);
        }

        double total() {
            return capacity + acceptance + acknowledgement + freshness + load + distance;
        }
    }
}
