package org.careloop.notification.delivery.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.careloop.notification.delivery.Attempt;
import org.careloop.notification.delivery.Delivery;
import org.careloop.notification.delivery.repository.DeliveryRepository;
import org.careloop.notification.webhook.repository.SubscriptionRepository;
import org.careloop.platform.metrics.PeriodicRefresh;

/**
 * Delivery health as metrics: attempts by channel and result, attempt latency, the delay from the event to its
 * delivery, open deliveries and the age of the oldest, webhook subscriptions by state.
 */
@ApplicationScoped
public class DeliveryMetrics {

    /** Figures read from the database for the gauges. */
    record Figures(Map<String, Long> open, Map<String, Instant> oldest, Map<String, Long> subscriptions) {}

    private final MeterRegistry meters;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Map<String, Timer> delay = new ConcurrentHashMap<>();
    private final PeriodicRefresh<Figures> figures;

    public DeliveryMetrics(
            MeterRegistry meters, DeliveryRepository deliveries, SubscriptionRepository subscriptions, Vertx vertx) {
        this.meters = meters;
        this.figures = new PeriodicRefresh<>(
                vertx,
                Duration.ofSeconds(5),
                new Figures(Map.of(), Map.of(), Map.of()),
                () -> Panache.withSession(() -> deliveries
                        .openByChannel()
                        .chain(open -> subscriptions.countByState().map(states -> figures(open, states)))),
                "delivery figures");
        for (String channel : List.of("webhook", "email")) {
            Gauge.builder("careloop.deliveries.open", figures, f -> f.current()
                            .open()
                            .getOrDefault(channel, 0L))
                    .description("Deliveries pending or being sent")
                    .tag("channel", channel)
                    .register(meters);
            Gauge.builder(
                            "careloop.deliveries.oldest.age.seconds",
                            figures,
                            f -> age(f.current().oldest().get(channel)))
                    .description("How long the open delivery due earliest has been due")
                    .tag("channel", channel)
                    .register(meters);
        }
        for (String state : List.of("ACTIVE", "PAUSED")) {
            Gauge.builder("careloop.webhook.subscriptions", figures, f -> f.current()
                            .subscriptions()
                            .getOrDefault(state, 0L))
                    .description("Webhook subscriptions by state")
                    .tag("state", state.toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
    }

    void start(@Observes StartupEvent event) {
        figures.start();
    }

    void stop(@Observes ShutdownEvent event) {
        figures.stop();
    }

    /** Counts an attempt; call after its outcome is recorded. */
    public void attempted(Delivery delivery, Attempt attempt, Instant recordedAt) {
        String result = attempt.delivered() ? "delivered" : "failed";
        attempts.computeIfAbsent(delivery.channel + "/" + result, k -> Counter.builder("careloop.delivery.attempts")
                        .description("Delivery attempts by channel and result")
                        .tag("channel", delivery.channel)
                        .tag("result", result)
                        .register(meters))
                .increment();
        latency.computeIfAbsent(delivery.channel, c -> Timer.builder("careloop.delivery.attempt.latency")
                        .description("How long an attempt took (an endpoint's answer, the SMTP server's acceptance)")
                        .tag("channel", c)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(meters))
                .record(Duration.ofMillis(attempt.latencyMillis()));
        if (attempt.delivered() && delivery.occurredAt != null) {
            Duration d = Duration.between(delivery.occurredAt, recordedAt);
            delay.computeIfAbsent(delivery.channel, c -> Timer.builder("careloop.delivery.delay")
                            .description("From what a notice tells (the referral change, the chase) to its delivery")
                            .tag("channel", c)
                            .publishPercentileHistogram()
                            .serviceLevelObjectives(
                                    Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5))
                            .minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofHours(30))
                            .register(meters))
                    .record(d.isNegative() ? Duration.ZERO : d);
        }
    }

    private static Figures figures(List<Object[]> open, List<Object[]> states) {
        Map<String, Long> count = new HashMap<>();
        Map<String, Instant> oldest = new HashMap<>();
        for (Object[] row : open) {
            count.put((String) row[0], ((Number) row[1]).longValue());
            if (row[2] != null) {
                oldest.put((String) row[0], toInstant(row[2]));
            }
        }
        Map<String, Long> subs = new HashMap<>();
        for (Object[] row : states) {
            subs.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return new Figures(count, oldest, subs);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        return Instant.parse(value.toString());
    }

    private static double age(Instant dueAt) {
        if (dueAt == null) {
            return 0;
        }
        double seconds = Duration.between(dueAt, Instant.now()).toMillis() / 1000.0;
        return Math.max(0, seconds);
    }
}
