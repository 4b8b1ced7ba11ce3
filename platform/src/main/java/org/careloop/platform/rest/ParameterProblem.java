package org.careloop.platform.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A path or query parameter that cannot be read as its type. A {@link jakarta.ws.rs.WebApplicationException}, so
 * that Quarkus REST reports it as it is instead of turning a bad path parameter into a 404.
 */
public class ParameterProblem extends BadRequestException {

    private final String parameter;
    private final String reason;

    public ParameterProblem(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    /** The parameter's name as the client wrote it. */
    public String parameter() {
        return parameter;
    }

    /** What it must be. */
    public String reason() {
        return reason;
    }
}
