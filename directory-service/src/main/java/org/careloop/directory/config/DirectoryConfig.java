package org.careloop.directory.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;

/** Settings of the directory. */
@ConfigMapping(prefix = "careloop.directory")
public interface DirectoryConfig {

    /** Unit of a capacity reported for a service that had none and whose report names no unit. */
    @WithDefault("place")
    String defaultCapacityUnit();

    /**
     * The largest body, in bytes, that an endpoint other than the imports takes (they stream theirs, up to
     * {@code quarkus.http.limits.max-body-size}); larger announced bodies get 413.
     */
    @WithDefault("1048576")
    long maxRequestBytes();

    /** How candidates are scored. */
    Ranking ranking();

    /** Places held for matched needs. */
    Holds holds();

    /** What is learned about how organizations respond. */
    Responsiveness responsiveness();

    /** Matching by place, age and language (added with the HSDS directory; see the README). */
    Matching matching();

    /** Weights and scales of the ranking score; see {@code org.careloop.directory.matching.Ranking}. */
    interface Ranking {

        /** How much each part of the score counts; only their ratios matter. */
        Weights weights();

        /** Places free after holds that score 0.5 on capacity (more places score higher, with diminishing returns). */
        @WithDefault("5")
        @Min(1)
        int capacityScale();

        /** Median time to acknowledge that scores 0.5 (faster scores higher). */
        @WithDefault("PT24H")
        Duration acknowledgementScale();

        /** Time to acknowledge assumed for a service without samples: the neutral prior. */
        @WithDefault("PT24H")
        Duration acknowledgementPrior();

        /** How many samples the prior counts as: with few samples the median is pulled towards the prior. */
        @WithDefault("3")
        @PositiveOrZero
        double acknowledgementPriorWeight();

        /** Age of {@code assured_date} that scores 0.5 on freshness (never assured scores 0). */
        @WithDefault("P180D")
        Duration freshnessScale();

        /** How far back holds count as recent load of an organization. */
        @WithDefault("PT24H")
        Duration loadWindow();

        /** How many ranked candidates each match of {@code needs-matched} carries. */
        @WithDefault("5")
        @Min(1)
        @Max(50)
        int candidates();
    }

    /** Weights of the parts of the ranking score. */
    interface Weights {

        /** Places free after holds. */
        @WithDefault("0.30")
        @PositiveOrZero
        double capacity();

        /** Acceptance rate with a neutral prior. */
        @WithDefault("0.20")
        @PositiveOrZero
        double acceptance();

        /** Median time to acknowledge with a neutral prior. */
        @WithDefault("0.15")
        @PositiveOrZero
        double acknowledgement();

        /** How recently the service's information was confirmed. */
        @WithDefault("0.10")
        @PositiveOrZero
        double freshness();

        /** Load spreading: fewer recent holds than the other candidates' organizations. */
        @WithDefault("0.25")
        @PositiveOrZero
        double load();

        /** Distance from the person's postal code (added). */
        @WithDefault("0.20")
        @PositiveOrZero
        double distance();
    }

    /** Holds of places. */
    interface Holds {

        /** How long a tentative hold taken at a match waits for a referral to claim it before its place goes back. */
        @WithDefault("PT15M")
        Duration unclaimedTtl();

        /** How often the housekeeping job looks for unclaimed holds to expire (Quarkus scheduler syntax). */
        @WithDefault("30s")
        String expiryInterval();

        /** At most this many services are handled per housekeeping transaction. */
        @WithDefault("100")
        @Min(1)
        int expiryBatchSize();
    }

    /** Responsiveness learning. */
    interface Responsiveness {

        /** How many recent times to acknowledge are kept per service for the median. */
        @WithDefault("50")
        @Min(1)
        int sampleWindow();
    }

    /** Matching by place, age and language. */
    interface Matching {

        /** How far from its locations a service without service area serves, unless its doc says otherwise. */
        @WithDefault("25")
        @jakarta.validation.constraints.Positive
        double defaultRadiusKm();

        /** The largest radius a service may set with careloop_radius_km in its doc. */
        @WithDefault("100")
        @jakarta.validation.constraints.Positive
        double maxRadiusKm();

        /** Distance from the person's postal code that scores 0.5 on the distance part of the ranking. */
        @WithDefault("5")
        @jakarta.validation.constraints.Positive
        double distanceScaleKm();

        /** The match query returns this many times the candidates asked for, which Java ranks. */
        @WithDefault("4")
        @Min(1)
        @Max(20)
        int windowFactor();

        /** How long the routing facts of a screening are kept for re-routing its needs. */
        @WithDefault("P30D")
        Duration factsRetention();

        /** How often expired routing facts are purged. */
        @WithDefault("1h")
        String factsPurgeInterval();
    }
}
