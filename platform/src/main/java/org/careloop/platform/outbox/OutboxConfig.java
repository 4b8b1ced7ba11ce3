package org.careloop.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** Topics the relay creates the first time it publishes to them (per-organization partner topics). */
    CreatedTopics createdTopics();

    /**
     * Topics created on demand: a row for a missing topic under one of the prefixes creates it (Kafka Admin client,
     * configured as the relay's producer) before it is sent. A creation that fails counts as a failed attempt of the
     * row.
     */
    interface CreatedTopics {

        /** Prefixes of the topic names the relay creates when they are missing, e.g. {@code partner.}; none when unset. */
        Optional<List<String>> prefixes();

        /** Partitions of a created topic. */
        @WithDefault("3")
        int partitions();

        /** Replication factor of a created topic; the broker's {@code default.replication.factor} when unset. */
        Optional<Short> replicationFactor();

        /** How long one creation may take before it fails (and counts as a failed attempt of the row). */
        @WithDefault("10s")
        Duration timeout();
    }
}
