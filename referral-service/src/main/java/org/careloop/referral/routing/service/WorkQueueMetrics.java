package org.careloop.referral.routing.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.careloop.platform.metrics.PeriodicRefresh;
import org.careloop.referral.routing.config.RoutingConfig;
import org.careloop.referral.routing.repository.NeedRoutingRepository;
import org.careloop.referral.routing.repository.NeedRoutingRepository.QueueStats;

/**
 * The work queue as gauges, refreshed every {@code careloop.referral.routing.metrics-interval}:
 * {@code careloop.work.queue.size} (needs waiting for a coordinator) and {@code careloop.work.queue.oldest.seconds}
 * (how long the longest-waiting one has waited). Alert on them: a growing queue is a directory without capacity.
 */
@ApplicationScoped
public class WorkQueueMetrics {

    private final PeriodicRefresh<QueueStats> queue;

    public WorkQueueMetrics(NeedRoutingRepository routings, RoutingConfig config, Vertx vertx, MeterRegistry meters) {
        this.queue = new PeriodicRefresh<>(
                vertx, config.metricsInterval(), new QueueStats(0, null), routings::queueStats, "Work queue figures");
        Gauge.builder("careloop.work.queue.size", queue, s -> s.current().queued())
                .description("Needs in the coordinators' work queue")
                .register(meters);
        Gauge.builder("careloop.work.queue.oldest.seconds", queue, s -> ageSeconds(s.current()))
                .description("How long the longest-waiting need in the work queue has waited")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        queue.start();
    }

    void stop(@Observes ShutdownEvent event) {
        queue.stop();
    }

    private static double ageSeconds(QueueStats stats) {
        if (stats.oldestQueuedAt() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(stats.oldestQueuedAt(), Instant.now()).toMillis() / 1000.0);
    }
}
