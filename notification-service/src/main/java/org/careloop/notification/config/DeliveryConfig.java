package org.careloop.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** How notices are delivered: links, the retry schedule and the delivery worker. */
@ConfigMapping(prefix = "careloop.delivery")
public interface DeliveryConfig {

    /** Base of the referral link a notice carries; the referral id is appended. */
    @WithDefault("http://localhost:8082/api/v1/referrals/")
    URI referralLinkBase();

    /**
     * Waits between attempts: after the first failed attempt the first wait, and so on; after the last wait's attempt
     * fails the delivery has failed. The default (Standard Webhooks' schedule) retries for 27 h 35 min.
     */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** Each wait is spread by up to this fraction either way (0.2 = ±20 %), so that retries do not come in waves. */
    @WithDefault("0.2")
    double jitter();

    /** The worker that sends due deliveries. */
    Worker worker();

    interface Worker {

        @WithDefault("true")
        boolean enabled();

        /** How long an idle loop waits before it looks for due deliveries again. */
        @WithDefault("100ms")
        Duration pollInterval();

        /** Deliveries claimed per round (sent concurrently). */
        @WithDefault("200")
        int batchSize();

        /** Loops per instance: while one sends a batch, another claims the next. */
        @WithDefault("2")
        int loops();

        /** A claimed delivery whose instance died is claimed again after this long. */
        @WithDefault("PT2M")
        Duration lease();
    }
}
