package org.careloop.referral.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** How needs are routed from one attempt to the next ({@code careloop.referral.routing.*}). */
@ConfigMapping(prefix = "careloop.referral.routing")
public interface RoutingConfig {

    /**
     * Attempts at one need before it goes to the coordinators' work queue instead of the next candidate; counts
     * every referral of the need, the coordinators' assignments included.
     */
    @WithDefault("5")
    @Min(1)
    @Max(50)
    int maxAttempts();

    /** How often the work-queue gauges are refreshed. */
    @WithDefault("15s")
    Duration metricsInterval();
}
