package org.careloop.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail.
 *
 * @param type URI identifying the problem type
 * @param title short summary of the problem type
 * @param status HTTP status code
 * @param detail explanation specific to this occurrence
 * @param instance the request path
 * @param errors the fields at fault, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field at fault.
     *
     * @param field JSON path of the field, e.g. {@code answers[2].code}, or the query parameter name
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {}
}
