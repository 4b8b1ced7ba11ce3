package org.careloop.directory.config;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.careloop.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP body limit is large (imports stream up to {@code quarkus.http.limits.max-body-size}); every other endpoint
 * reads its body into memory, so a body announced larger than {@code careloop.directory.max-request-bytes} is refused
 * with 413 before it is read.
 */
public class RequestBodyLimit {

    /** Paths that stream their bodies (the imports). */
    static final Set<String> STREAMING = Set.of("/api/v1/directory/hsds/import", "/api/v1/directory/import");

    private final long maxRequestBytes;

    public RequestBodyLimit(DirectoryConfig config) {
        this.maxRequestBytes = config.maxRequestBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public void limit(ContainerRequestContext request) {
        long length = request.getLength();
        if (length > maxRequestBytes
                && !STREAMING.contains(normalized(request.getUriInfo().getPath()))) {
            throw new ProblemException(
                    413,
                    "too-large",
                    "Payload too large",
                    "This endpoint takes bodies of at most " + maxRequestBytes + " bytes",
                    null);
        }
    }

    private static String normalized(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
