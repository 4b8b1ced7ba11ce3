package org.careloop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry schedule: waits in order, spread by jitter, for at least 24 hours by default. */
class RetryScheduleTests {

    private static final List<Duration> DEFAULT = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void theDefaultScheduleRetriesForMoreThanADay() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.2, () -> 0.0);
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.span()).isGreaterThan(Duration.ofHours(24));
        // Even with every wait at its shortest (-20 %), retries last more than a day.
        Instant at = NOW;
        for (int attempt = 1; attempt < schedule.maxAttempts(); attempt++) {
            at = schedule.next(attempt, at).orElseThrow();
        }
        assertThat(Duration.between(NOW, at))
                .isGreaterThan(Duration.ofHours(22))
                .isLessThan(Duration.ofHours(28));
    }

    @Test
    void waitsGrowAndJitterStaysWithinItsBand() {
        RetrySchedule low = new RetrySchedule(DEFAULT, 0.2, () -> 0.0);
        RetrySchedule high = new RetrySchedule(DEFAULT, 0.2, () -> 0.999999);
        RetrySchedule mid = new RetrySchedule(DEFAULT, 0.2, () -> 0.5);
        assertThat(mid.next(1, NOW)).contains(NOW.plusSeconds(5));
        assertThat(low.next(2, NOW)).contains(NOW.plus(Duration.ofMinutes(4)));
        assertThat(high.next(2, NOW).orElseThrow())
                .isBefore(NOW.plus(Duration.ofMinutes(6)).plusMillis(1));
        assertThat(mid.next(7, NOW)).contains(NOW.plus(Duration.ofHours(10)));
    }

    @Test
    void afterTheLastAttemptThereIsNoNext() {
        RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.2, () -> 0.5);
        assertThat(schedule.next(8, NOW)).isEmpty();
        assertThat(schedule.next(0, NOW)).isEmpty();
    }
}
