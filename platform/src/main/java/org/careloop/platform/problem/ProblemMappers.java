package org.careloop.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.careloop.platform.json.JsonProblems;
import org.careloop.platform.rest.ParameterProblem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a REST call into an RFC 9457 problem response; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final String TYPE_BASE = "https://careloop.org/problems/";

    // A problem never echoes a large value back: ids and paths are short, messages are ours.
    private static final int MAX_FIELD = 200;
    private static final int MAX_MESSAGE = 300;
    private static final int MAX_DETAIL = 500;

    /** What a 503 asks the client to wait before retrying. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(orBody(fieldPath(v)), v.getMessage()))
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
        JsonProblems.Fault fault = JsonProblems.explain(e);
        return respond(
                400,
                "malformed-body",
                "Malformed request body",
                fault.field() + ": " + fault.message(),
                uri,
                List.of(new Problem.FieldError(fault.field(), fault.message())));
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
    public Response parameter(ParameterProblem e, UriInfo uri) {
        return respond(
                400,
                "validation",
                "Invalid request",
                e.getMessage(),
                uri,
                List.of(new Problem.FieldError(e.parameter(), e.reason())));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri); // Quarkus REST wraps some parse failures (duplicate keys) in a 400
        }
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
        if (Failures.isConcurrentUpdate(e)) {
            return respond(
                    409,
                    "concurrent-update",
                    "Conflict",
                    "Another request changed the same data at the same time; nothing was changed. Read it again and"
                            + " retry.",
                    uri,
                    null);
        }
        String sqlState = Failures.sqlState(e);
        if (sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"))) {
            // The database refused a value that validation let through: still the client's input, never a 500.
            String incident = UUID.randomUUID().toString();
            Log.warnf(
                    "Request %s: the database refused a value (SQLSTATE %s), incident %s",
                    uri.getPath(), sqlState, incident);
            boolean duplicate = sqlState.equals("23505") || sqlState.equals("23P01");
            return respond(
                    duplicate ? 409 : 400,
                    duplicate ? "conflict" : "invalid-value",
                    duplicate ? "Conflict" : "Invalid request",
                    (duplicate ? "It exists already" : "A value cannot be stored as sent") + "; nothing was changed"
                            + " (incident " + incident + ")",
                    uri,
                    List.of(new Problem.FieldError(JsonProblems.BODY, duplicate ? "exists already" : "is not valid")));
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure of %s, incident %s", uri.getPath(), incident);
        return respond(500, "internal", "Internal error", "Unexpected failure; incident " + incident, uri, null);
    }

    private static Response respond(
            int status, String type, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        List<Problem.FieldError> fields = errors == null
                ? null
                : errors.stream()
                        .map(f -> new Problem.FieldError(cap(f.field(), MAX_FIELD), cap(f.message(), MAX_MESSAGE)))
                        .toList();
        Problem body = new Problem(
                URI.create(TYPE_BASE + type),
                title,
                status,
                cap(detail, MAX_DETAIL),
                cap(uri.getPath(), MAX_FIELD),
                fields);
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

    private static String cap(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static String orBody(String field) {
        return field.isEmpty() ? JsonProblems.BODY : field;
    }

    private static Object index(Path.Node node) {
        return node.getIndex() != null ? node.getIndex() : node.getKey();
    }
}
