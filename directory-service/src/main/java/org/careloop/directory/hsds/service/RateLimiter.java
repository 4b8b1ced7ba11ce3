package org.careloop.directory.hsds.service;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per client: a bucket holds up to {@code burst} tokens, refills at {@code perMinute} tokens a
 * minute, and each request takes one. Pure Java with an injected clock (nanoseconds), so it is tested without waiting.
 */
public final class RateLimiter {

    /**
     * What the limiter decided.
     *
     * @param allowed whether the request may go ahead
     * @param retryAfterSeconds when refused, whole seconds until a token is back (at least 1); 0 when allowed
     */
    public record Decision(boolean allowed, long retryAfterSeconds) {}

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final double capacity;
    private final double tokensPerNano;
    private final int maxClients;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, int burst, int maxClients, LongSupplier clock) {
        if (perMinute < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate, burst and client limit must be positive");
        }
        this.capacity = burst;
        this.tokensPerNano = (double) perMinute / NANOS_PER_MINUTE;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** Takes a token of the client's bucket, if there is one. */
    public Decision acquire(String client) {
        long now = clock.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, tokensPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double nanos = (1 - bucket.tokens) / tokensPerNano;
            return new Decision(false, Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d)));
        }
    }

    /** How many clients are tracked. */
    public int clients() {
        return buckets.size();
    }

    // A full bucket is the same as no bucket: forgetting it changes no decision.
    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            Bucket b = e.getValue();
            synchronized (b) {
                b.refill(now, capacity, tokensPerNano);
                return b.tokens >= capacity;
            }
        });
        if (buckets.size() >= maxClients) {
            buckets.clear(); // every tracked client is busy: start over rather than grow without bound
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now, double capacity, double perNano) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * perNano);
                at = now;
            }
        }
    }
}
