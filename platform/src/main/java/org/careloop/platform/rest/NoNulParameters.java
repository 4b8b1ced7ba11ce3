package org.careloop.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Rejects NUL characters in path and query parameters before any service sees them: PostgreSQL cannot store them. */
public class NoNulParameters {

    @ServerRequestFilter
    public void reject(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                throw new ParameterProblem("parameter", "names must not contain NUL characters");
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new ParameterProblem(parameter.getKey(), "must not contain NUL characters");
                }
            }
        }
    }
}
