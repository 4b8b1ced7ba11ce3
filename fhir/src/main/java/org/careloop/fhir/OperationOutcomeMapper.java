package org.careloop.fhir;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Writes an {@link OperationOutcomeException} as its status and OperationOutcome in FHIR JSON. */
public class OperationOutcomeMapper {

    @ServerExceptionMapper
    public Response outcome(OperationOutcomeException e) {
        return Response.status(e.status())
                .type(Fhir.JSON_UTF8)
                .entity(Fhir.encode(e.outcome()))
                .build();
    }
}
