package org.careloop.platform.rest;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request that carries a body must say what it is: without {@code Content-Type} it is a 415, whatever the
 * endpoint (JAX-RS would otherwise read the body as the endpoint's first media type).
 */
public class ContentTypeRequired {

    @ServerRequestFilter(preMatching = true)
    public void require(ContainerRequestContext request) {
        if (request.getMediaType() != null) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = "chunked".equalsIgnoreCase(request.getHeaderString("Transfer-Encoding"));
        if (chunked || (length != null && !length.strip().equals("0"))) {
            throw new NotSupportedException("A request body needs a Content-Type (application/json)");
        }
    }
}
