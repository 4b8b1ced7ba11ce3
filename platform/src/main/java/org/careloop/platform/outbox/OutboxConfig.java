package org.careloop.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the transactional outbox and its relay. */
@ConfigMapping(prefix = "careloop.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the events this service publishes. */
    @WithDefault("/careloop/${quarkus.application.name}")
    String source();

    /** How long the relay waits before looking again when the outbox was empty. */
    @WithDefault("250ms")
    Duration pollInterval();

    /** How many unsent events the relay publishes per round. */
    @WithDefault("200")
    int batchSize();

    /**
     * Failed attempts after which a row the broker keeps refusing is parked (skipped, reported to operators) so that
     * it no longer holds up the rows behind it. Failures while the broker is unreachable do not count.
     */
    @WithDefault("10")
    int maxAttempts();

    /** How often the backlog gauges (unsent count, age of the oldest unsent row, parked rows) are refreshed. */
    @WithDefault("5s")
    Duration metricsInterval();

    /** How long sent events are kept for audit and replay before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
