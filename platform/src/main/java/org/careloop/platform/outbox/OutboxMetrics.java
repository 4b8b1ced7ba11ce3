package org.careloop.platform.outbox;

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
import org.careloop.platform.outbox.OutboxRepository.BacklogStats;

/**
 * The outbox backlog as gauges, refreshed every {@code careloop.outbox.metrics-interval}:
 * {@code careloop.outbox.backlog} (unsent rows), {@code careloop.outbox.backlog.age.seconds} (how long the oldest
 * unsent row has waited) and {@code careloop.outbox.parked} (rows parked after too many failed attempts).
 */
@ApplicationScoped
public class OutboxMetrics {

    private final PeriodicRefresh<BacklogStats> backlog;

    public OutboxMetrics(OutboxRepository repository, OutboxConfig config, Vertx vertx, MeterRegistry meters) {
        this.backlog = new PeriodicRefresh<>(
                vertx, config.metricsInterval(), new BacklogStats(0, null, 0), repository::backlog, "Outbox backlog");
        Gauge.builder("careloop.outbox.backlog", backlog, s -> s.current().pending())
                .description("Outbox rows not yet published (parked rows excluded)")
                .register(meters);
        Gauge.builder("careloop.outbox.backlog.age.seconds", backlog, s -> ageSeconds(s.current()))
                .description("How long the oldest unpublished outbox row has waited")
                .register(meters);
        Gauge.builder("careloop.outbox.parked", backlog, s -> s.current().parked())
                .description("Outbox rows parked after too many failed attempts; they need an operator")
                .register(meters);
    }

    /** The figures of the last refresh. */
    public BacklogStats current() {
        return backlog.current();
    }

    void start(@Observes StartupEvent event) {
        backlog.start();
    }

    void stop(@Observes ShutdownEvent event) {
        backlog.stop();
    }

    private static double ageSeconds(BacklogStats stats) {
        if (stats.oldestPending() == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(stats.oldestPending(), Instant.now()).toMillis() / 1000.0);
    }
}
