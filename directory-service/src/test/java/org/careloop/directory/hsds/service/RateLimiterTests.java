package org.careloop.directory.hsds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets on a fake clock. */
class RateLimiterTests {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aFullBucketLetsTheBurstThroughThenRefusesWithRetryAfter() {
        RateLimiter limiter = new RateLimiter(60, 3, 100, now::get);

        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isTrue();
        RateLimiter.Decision refused = limiter.acquire("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1); // 60 a minute: one token a second
    }

    @Test
    void tokensComeBackAtTheConfiguredRateAndNeverBeyondTheBurst() {
        RateLimiter limiter = new RateLimiter(60, 2, 100, now::get);
        limiter.acquire("a");
        limiter.acquire("a");
        assertThat(limiter.acquire("a").allowed()).isFalse();

        now.addAndGet(SECOND / 2);
        assertThat(limiter.acquire("a").allowed()).isFalse();
        now.addAndGet(SECOND / 2);
        assertThat(limiter.acquire("a").allowed()).isTrue();

        now.addAndGet(3600 * SECOND); // an hour idle refills two tokens, not 3,600
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void retryAfterSaysHowLongUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(6, 1, 100, now::get); // one token every 10 s
        limiter.acquire("a");

        assertThat(limiter.acquire("a").retryAfterSeconds()).isEqualTo(10);
        now.addAndGet(7 * SECOND);
        assertThat(limiter.acquire("a").retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(60, 1, 100, now::get);

        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void idleClientsAreForgottenWhenTheTableIsFull() {
        RateLimiter limiter = new RateLimiter(60, 1, 2, now::get);
        limiter.acquire("a");
        limiter.acquire("b");
        now.addAndGet(5 * SECOND); // both buckets full again: idle

        limiter.acquire("c");

        assertThat(limiter.clients()).isEqualTo(1);
    }

    @Test
    void busyClientsStillBoundTheTable() {
        RateLimiter limiter = new RateLimiter(60, 1, 2, now::get);
        limiter.acquire("a");
        limiter.acquire("b");

        limiter.acquire("c");

        assertThat(limiter.clients()).isLessThanOrEqualTo(2);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
