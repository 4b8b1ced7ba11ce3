package org.careloop.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Retry policy of the idempotent consumer before a message goes to the dead-letter topic. */
@ConfigMapping(prefix = "careloop.consumer")
public interface ConsumerConfig {

    /** Attempts after the first one for a failure that may be transient. */
    @WithDefault("3")
    int maxRetries();

    /** First back-off delay; doubles with each retry. */
    @WithDefault("0.2s")
    Duration initialBackoff();

    /** Upper bound of the back-off delay. */
    @WithDefault("5s")
    Duration maxBackoff();
}
