package org.careloop.platform.outbox;

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
import org.careloop.platform.outbox.OutboxRepository.BacklogStats;

/**
 * The outbox backlog as gauges, refreshed every {@code careloop.outbox.metrics-interval}:
 * {@code careloop.outbox.backlog} (unsent rows), {@code careloop.outbox.backlog.age.seconds} (how long the oldest
 * unsent row has waited) and {@code careloop.outbox.parked} (rows parked after too many failed attempts).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final AtomicReference<BacklogStats> last = new AtomicReference<>(new BacklogStats(0, null, 0));
    private volatile boolean running;

    public OutboxMetrics(OutboxRepository repository, OutboxConfig config, Vertx vertx, MeterRegistry meters) {
        this.repository = repository;
        this.config = config;
        this.vertx = vertx;
        Gauge.builder("careloop.outbox.backlog", last, s -> s.get().pending())
                .description("Outbox rows not yet published (parked rows excluded)")
                .register(meters);
        Gauge.builder("careloop.outbox.backlog.age.seconds", last, s -> ageSeconds(s.get()))
                .description("How long the oldest unpublished outbox row has waited")
                .register(meters);
        Gauge.builder("careloop.outbox.parked", last, s -> s.get().parked())
                .description("Outbox rows parked after too many failed attempts; they need an operator")
                .register(meters);
    }

    /** The figures of the last refresh. */
    public BacklogStats current() {
        return last.get();
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
        context.runOnContext(ignored -> Panache.withSession(repository::backlog)
                .subscribe()
                .with(
                        stats -> {
                            last.set(stats);
                            schedule();
                        },
                        failure -> {
                            Log.debugf("Outbox backlog figures not refreshed: %s", failure.getMessage());
                            schedule();
                        }));
    }

    private static double ageSeconds(BacklogStats stats) {
        if (stats.oldestPending() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(stats.oldestPending(), Instant.now()).toMillis() / 1000.0);
    }
}
