package org.careloop.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, the n-th wait of the schedule, spread by the
 * jitter; after the last wait's attempt fails, never (the delivery has failed).
 */
public final class RetrySchedule {

    private final List<Duration> waits;
    private final double jitter;
    private final DoubleSupplier random;

    public RetrySchedule(List<Duration> waits, double jitter, DoubleSupplier random) {
        if (waits.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
            throw new IllegalArgumentException("Retry waits must be positive: " + waits);
        }
        this.waits = List.copyOf(waits);
        this.jitter = Math.max(0, Math.min(0.9, jitter));
        this.random = random;
    }

    /** Attempts in all: the first and one per wait. */
    public int maxAttempts() {
        return waits.size() + 1;
    }

    /** The time of the next attempt after {@code attempts} failed ones, or empty when the delivery has failed. */
    public Optional<Instant> next(int attempts, Instant now) {
        if (attempts < 1 || attempts > waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(attempts - 1);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(now.plusNanos(Math.round(wait.toNanos() * factor)));
    }

    /** The whole schedule's span without jitter: how long a delivery is retried. */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    public List<Duration> waits() {
        return waits;
    }
}
