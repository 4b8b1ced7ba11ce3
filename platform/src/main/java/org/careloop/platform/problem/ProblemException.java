package org.careloop.platform.problem;

import java.util.List;

/** A failure a service reports to the caller as a problem response with a given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " was not found", null);
    }

    /** A 404 for an id the client sent in a field: the problem names the field. */
    public static ProblemException notFound(String field, String what, Object id) {
        return new ProblemException(
                404,
                "not-found",
                "Not found",
                field + ": " + what + " " + id + " was not found",
                List.of(new Problem.FieldError(
                        field, "unknown " + what.toLowerCase(java.util.Locale.ROOT) + " " + id)));
    }

    /** A 409 about the state of the resource a field names. */
    public static ProblemException conflict(String type, String field, String detail) {
        return new ProblemException(409, type, "Conflict", detail, List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(
                400,
                "validation",
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
