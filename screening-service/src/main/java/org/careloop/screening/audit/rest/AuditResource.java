package org.careloop.screening.audit.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Roles;
import org.careloop.screening.audit.repository.AuditRepository;
import org.careloop.screening.person.rest.PersonApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The accounting of disclosures: who read or changed which person's data, when, why, allowed or not. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Append-only log of every read of a person's details and every change of consent")
public class AuditResource {

    private final AuditRepository audit;

    public AuditResource(AuditRepository audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @WithSession
    @Operation(summary = "Query the audit log, newest first")
    @APIResponse(responseCode = "200", description = "One page of audited acts")
    @APIResponse(
            responseCode = "400",
            description = "Bad filter; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<AuditView>> list(
            @QueryParam("personRef") @Pattern(regexp = PersonApi.REF_PATTERN, message = PersonApi.REF_MESSAGE)
                    String personRef,
            @QueryParam("actor") @Size(max = 200) @Parameter(description = "User or client name") String actor,
            @QueryParam("organizationId")
                    @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be an organization id")
                    @Parameter(description = "Acts of callers of this organization")
                    String organizationId,
            @QueryParam("outcome") @Pattern(regexp = "allowed|denied", message = "must be allowed or denied")
                    String outcome,
            @QueryParam("from") @Parameter(description = "ISO-8601 instant, inclusive") String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 instant, exclusive") String to,
            @BeanParam @Valid PageRequest page) {
        AuditRepository.Filter filter = new AuditRepository.Filter(
                personRef, actor, organizationId, outcome, instant("from", from), instant("to", to));
        return audit.list(filter, page).map(p -> p.map(AuditView::of));
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            Instant parsed = Instant.parse(value);
            if (parsed.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                    || parsed.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw ProblemException.badRequest(field, "must be between the years 1 and 9999");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
