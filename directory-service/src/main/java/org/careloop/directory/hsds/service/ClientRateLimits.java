package org.careloop.directory.hsds.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.directory.hsds.config.HsdsConfig;

/** The HSDS API's rate limit as configured: one token bucket per client address. */
@ApplicationScoped
public class ClientRateLimits {

    private final RateLimiter limiter;
    private final boolean trustForwardedFor;

    public ClientRateLimits(HsdsConfig config) {
        HsdsConfig.RateLimit limit = config.rateLimit();
        this.limiter = new RateLimiter(limit.requestsPerMinute(), limit.burst(), limit.maxClients(), System::nanoTime);
        this.trustForwardedFor = limit.trustForwardedFor();
    }

    /**
     * Takes a token of the client's bucket.
     *
     * @param peer the address of the connection's peer
     * @param forwardedFor the request's X-Forwarded-For header, or null
     */
    public RateLimiter.Decision acquire(String peer, String forwardedFor) {
        return limiter.acquire(client(peer, forwardedFor));
    }

    // Behind a trusted proxy the client is the last hop the proxy appended; earlier entries are the client's word.
    private String client(String peer, String forwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            String last = hops[hops.length - 1].strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        return peer == null ? "unknown" : peer;
    }
}
