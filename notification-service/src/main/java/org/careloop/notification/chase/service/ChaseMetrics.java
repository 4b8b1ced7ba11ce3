package org.careloop.notification.chase.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.careloop.notification.chase.ChaseTimer;
import org.careloop.notification.chase.TimerKind;
import org.careloop.notification.chase.repository.ChaseTimerRepository;
import org.careloop.notification.chase.repository.ChaseTimerRepository.PendingStats;
import org.careloop.notification.common.BackgroundWork;
import org.careloop.notification.config.ChaseConfig;

/**
 * Chase metrics: {@code careloop.chases.fired{kind}}, {@code careloop.chases.scheduled{kind}},
 * {@code careloop.chases.cancelled}, the lateness of fired timers ({@code careloop.chases.lateness}, a histogram of
 * fired − due), and gauges refreshed every {@code careloop.chase.worker.metrics-interval}:
 * {@code careloop.chases.pending}, {@code careloop.chases.due} (pending and due: waiting for the worker) and
 * {@code careloop.chases.due.age.seconds} (how long the earliest of those has waited).
 */
@ApplicationScoped
public class ChaseMetrics {

    private final Map<TimerKind, Counter> fired = new EnumMap<>(TimerKind.class);
    private final Map<TimerKind, Counter> scheduled = new EnumMap<>(TimerKind.class);
    private final Counter cancelled;
    private final Timer lateness;
    private final AtomicReference<PendingStats> last = new AtomicReference<>(new PendingStats(0, 0, null));
    private final ChaseTimerRepository timers;
    private final ChaseConfig config;
    private final Vertx vertx;
    private volatile boolean running;

    public ChaseMetrics(ChaseTimerRepository timers, ChaseConfig config, Vertx vertx, MeterRegistry meters) {
        this.timers = timers;
        this.config = config;
        this.vertx = vertx;
        for (TimerKind kind : TimerKind.values()) {
            fired.put(
                    kind,
                    Counter.builder("careloop.chases.fired")
                            .description("Chases fired (referral-chased events written to the outbox)")
                            .tag("kind", kind.chaseKind())
                            .register(meters));
            scheduled.put(
                    kind,
                    Counter.builder("careloop.chases.scheduled")
                            .description("Chase timers scheduled")
                            .tag("kind", kind.chaseKind())
                            .register(meters));
        }
        cancelled = Counter.builder("careloop.chases.cancelled")
                .description("Pending chase timers cancelled by a referral change")
                .register(meters);
        lateness = Timer.builder("careloop.chases.lateness")
                .description("How late timers fire: fired time minus due time")
                .publishPercentileHistogram()
                .serviceLevelObjectives(
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(1))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(meters);
        Gauge.builder("careloop.chases.pending", last, s -> s.get().pending())
                .description("Chase timers pending")
                .register(meters);
        Gauge.builder("careloop.chases.due", last, s -> s.get().due())
                .description("Chase timers due and not fired yet")
                .register(meters);
        Gauge.builder("careloop.chases.due.age.seconds", last, s -> dueAgeSeconds(s.get()))
                .description("How long the earliest due, unfired timer has waited")
                .register(meters);
    }

    /** Counts fired timers; call after their transaction committed. */
    public void fired(List<ChaseTimer> timers) {
        for (ChaseTimer timer : timers) {
            fired.get(timer.kind).increment();
            Duration late = Duration.between(timer.dueAt, timer.firedAt);
            lateness.record(late.isNegative() ? Duration.ZERO : late);
        }
    }

    /** Counts a scheduled timer. */
    public void scheduled(TimerKind kind) {
        scheduled.get(kind).increment();
    }

    /** Counts cancelled timers. */
    public void cancelled(int count) {
        cancelled.increment(count);
    }

    /** The pending-timer figures of the last refresh. */
    public PendingStats current() {
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
            vertx.setTimer(Math.max(100, config.worker().metricsInterval().toMillis()), id -> refresh());
        }
    }

    private void refresh() {
        BackgroundWork.run(
                vertx,
                () -> Panache.withSession(() -> timers.pendingStats(Instant.now())),
                stats -> {
                    last.set(stats);
                    schedule();
                },
                failure -> {
                    Log.debugf("Chase timer figures not refreshed: %s", failure.getMessage());
                    schedule();
                });
    }

    private static double dueAgeSeconds(PendingStats stats) {
        if (stats.due() == 0 || stats.earliestDue() == null) {
            return 0;
        }
        return Math.max(0, Duration.between(stats.earliestDue(), Instant.now()).toMillis() / 1000.0);
    }
}
