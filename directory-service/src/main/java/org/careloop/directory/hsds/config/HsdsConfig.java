package org.careloop.directory.hsds.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/** Settings of the public HSDS API ({@code /hsds}). */
@ConfigMapping(prefix = "careloop.directory.hsds")
public interface HsdsConfig {

    /** How fast one client may read the public API. */
    RateLimit rateLimit();

    /** A token bucket per client IP address. */
    interface RateLimit {

        /** Requests a client may make per minute, on average (the rate the bucket refills at). */
        @WithDefault("600")
        @Min(1)
        int requestsPerMinute();

        /** Requests a client may make at once after being idle (the size of the bucket). */
        @WithDefault("100")
        @Min(1)
        int burst();

        /**
         * Whether the client is the last address of {@code X-Forwarded-For} (set it only behind a proxy that appends
         * the address it saw); otherwise the client is the connection's peer and the header is ignored.
         */
        @WithDefault("false")
        boolean trustForwardedFor();

        /** At most this many clients are tracked; beyond it, the buckets of idle clients are forgotten. */
        @WithDefault("100000")
        @Min(1)
        int maxClients();
    }
}
