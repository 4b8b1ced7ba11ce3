package org.careloop.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.failure.Failures;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a REST call into an RFC 9457 problem response; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final String TYPE_BASE = "https://careloop.org/problems/";

    /** What a 503 asks the client to wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                        .map(f -> f.field() + ": " + f.message())
                        .findFirst()
                        .orElse("Invalid request")
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return respond(400, "validation", "Invalid request", detail, uri, errors);
    }

    // Listed explicitly: Quarkus REST ships its own, more specific mappers for these Jackson exceptions.
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, JsonParseException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : null;
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        message = message.lines().findFirst().orElse(message);
        List<Problem.FieldError> errors =
                field == null || field.isEmpty() ? null : List.of(new Problem.FieldError(field, message));
        return respond(
                400,
                "malformed-body",
                "Malformed request body",
                field == null || field.isEmpty() ? message : field + ": " + message,
                uri,
                errors);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(401, "unauthorized", "Unauthorized", "A valid bearer token is required", uri, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your roles do not allow this operation", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        if (status >= 500) {
            Log.errorf(e, "Request %s failed", uri.getPath());
        }
        return respond(status, "http-" + status, title, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (Failures.isUnavailable(e)) {
            // The database (or another dependency) is down or restarting: nothing was written; the client may retry.
            Log.warnf("Request %s failed: a dependency is unavailable (%s)", uri.getPath(), e.getMessage());
            Problem body = new Problem(
                    URI.create(TYPE_BASE + "unavailable"),
                    "Service unavailable",
                    503,
                    "A dependency of this service is unavailable; nothing was changed. Retry in " + RETRY_AFTER_SECONDS
                            + " seconds.",
                    uri.getPath(),
                    null);
            return Response.status(503)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .type(Problem.MEDIA_TYPE)
                    .entity(body)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure of %s, incident %s", uri.getPath(), incident);
        return respond(500, "internal", "Internal error", "Unexpected failure; incident " + incident, uri, null);
    }

    private static Response respond(
            int status, String type, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem(URI.create(TYPE_BASE + type), title, status, detail, uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /**
     * Path of a violation as the client sees it: {@code answers[0].code} for a body field, the parameter's own name
     * for a query or path parameter; never the resource method's names.
     */
    static String fieldPath(ConstraintViolation<?> violation) {
        String parameter = null;
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
                case PARAMETER -> {
                    parameter = node.getName();
                    path.setLength(0);
                }
                case CONTAINER_ELEMENT -> {
                    if (path.length() == 0 && parameter != null) {
                        path.append(parameter); // an element of a list-valued query parameter: status[1]
                    }
                    if (node.isInIterable()) {
                        path.append('[').append(index(node)).append(']');
                    }
                }
                default -> {
                    if (node.isInIterable()) {
                        path.append('[').append(index(node)).append(']');
                    }
                    if (node.getName() != null) {
                        if (path.length() > 0) {
                            path.append('.');
                        }
                        path.append(node.getName());
                    }
                }
            }
        }
        if (path.length() == 0) {
            return parameter == null ? "" : parameter;
        }
        return path.toString();
    }

    private static Object index(Path.Node node) {
        return node.getIndex() != null ? node.getIndex() : node.getKey();
    }

    private static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }
}
