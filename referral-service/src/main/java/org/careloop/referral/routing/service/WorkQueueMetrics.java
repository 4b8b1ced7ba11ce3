package org.careloop.referral.routing.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
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

    private final NeedRoutingRepository routings;
    private final RoutingConfig config;
    private final Vertx vertx;
    private final AtomicReference<QueueStats> last = new AtomicReference<>(new QueueStats(0, null));
    private volatile boolean running;

    public WorkQueueMetrics(NeedRoutingRepository routings, RoutingConfig config, Vertx vertx, MeterRegistry meters) {
        this.routings = routings;
        this.config = config;
        this.vertx = vertx;
        Gauge.builder("careloop.work.queue.size", last, s -> s.get().queued())
                .description("Needs in the coordinators' work queue")
                .register(meters);
        Gauge.builder("careloop.work.queue.oldest.seconds", last, s -> ageSeconds(s.get()))
                .description("How long the longest-waiting need in the work queue has waited")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        schedule();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void schedule() {
        if (running) {
            vertx.setTimer(Math.max(100, config.metricsInterval().toMillis()), id -> refresh());
        }
    }

    private void refresh() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Panache.withSession(routings::queueStats)
                .subscribe()
                .with(
                        stats -> {
                            last.set(stats);
                            schedule();
                        },
                        failure -> {
                            Log.debugf("Work queue figures not refreshed: %s", failure.getMessage());
                            schedule();
                        }));
    }

    private static double ageSeconds(QueueStats stats) {
        if (stats.oldestQueuedAt() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(stats.oldestQueuedAt(), Instant.now()).toMillis() / 1000.0);
    }
}
