package org.careloop.directory.hsds.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.careloop.directory.hsds.service.ClientRateLimits;
import org.careloop.directory.hsds.service.RateLimiter;
import org.careloop.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The public HSDS API's guards: a token bucket per client IP address (429 problem with Retry-After when empty), and
 * {@code Access-Control-Allow-Origin: *} so that any web client can read the directory.
 */
@Singleton
public class HsdsRateLimit {

    private final ClientRateLimits limits;

    // Filters are built at static init, before the configuration is read: the limits bean is a lazy proxy.
    public HsdsRateLimit(ClientRateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!isHsds(context.getUriInfo().getPath())) {
            return null;
        }
        RateLimiter.Decision decision = limits.acquire(
                request.remoteAddress() == null ? null : request.remoteAddress().host(),
                request.getHeader("X-Forwarded-For"));
        if (decision.allowed()) {
            return null;
        }
        Problem problem = new Problem(
                URI.create("https://careloop.org/problems/rate-limited"),
                "Too many requests",
                429,
                "This client made too many requests to the HSDS API; retry in " + decision.retryAfterSeconds()
                        + " seconds",
                context.getUriInfo().getPath(),
                null);
        return Response.status(429)
                .header("Retry-After", decision.retryAfterSeconds())
                .header("Access-Control-Allow-Origin", "*")
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    @ServerResponseFilter
    public void cors(ContainerRequestContext request, ContainerResponseContext response) {
        if (isHsds(request.getUriInfo().getPath())) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        }
    }

    static boolean isHsds(String path) {
        return path.equals("/hsds") || path.startsWith("/hsds/");
    }
}
