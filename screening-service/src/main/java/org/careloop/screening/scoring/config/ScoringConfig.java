package org.careloop.screening.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Scoring rules that programmes tune without a code change. */
@ConfigMapping(prefix = "careloop.scoring")
public interface ScoringConfig {

    /** AHC HRSN screening tool. */
    Ahc ahc();

    /** Settings of the AHC HRSN scoring. */
    interface Ahc {

        /** Lowest sum of the four safety items (1 to 5 each) that is a positive screen; CMS uses 11. */
        @WithDefault("11")
        @Min(4)
        @Max(20)
        int safetyThreshold();
    }
}
