package org.careloop.screening.person.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Roles;
import org.careloop.screening.person.service.PersonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A clinic's own patients: who they are and how to reach them. Nobody else reads them here. */
@Path("/api/v1/people/{personRef}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "The people behind screenings, as their clinic knows them (audited)")
public class PersonResource {

    private final PersonService service;

    public PersonResource(PersonService service) {
        this.service = service;
    }

    @GET
    // Every caller may ask, so that every attempt is audited; only the person's clinic is answered.
    @RolesAllowed({Roles.CLINIC, Roles.CBO_STAFF, Roles.COORDINATOR, Roles.OPERATOR, Roles.INTEGRATOR})
    @Operation(
            summary = "Read one of the clinic's patients",
            description = "Only the clinic the person belongs to is answered; anyone else gets 404. Every attempt,"
                    + " allowed or denied, is written to the audit log.")
    @APIResponse(responseCode = "200", description = "The person")
    @APIResponse(
            responseCode = "404",
            description = "Unknown person, one of another clinic, or a caller that is not a clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PersonView> get(
            @PathParam("personRef") @Pattern(regexp = PersonApi.REF_PATTERN, message = PersonApi.REF_MESSAGE)
                    String personRef,
            @QueryParam("purpose")
                    @Parameter(description = "Why the details are read, for the audit log")
                    @Pattern(regexp = PersonApi.PURPOSE_PATTERN, message = PersonApi.PURPOSE_MESSAGE)
                    String purpose) {
        return service.read(personRef, purpose).map(known -> found(known, personRef));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.CLINIC)
    @Operation(
            summary = "Change one of the clinic's patients",
            description = "Fields given replace the stored ones, fields left out stay. doNotContact false lets the"
                    + " organizations a referral is assigned to read the contact details again; a sensitive need"
                    + " turns it on.")
    @APIResponse(responseCode = "200", description = "The person as changed")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field; errors[].field names it; nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown person, or one of another clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<PersonView> update(
            @PathParam("personRef") @Pattern(regexp = PersonApi.REF_PATTERN, message = PersonApi.REF_MESSAGE)
                    String personRef,
            @Valid @NotNull PersonRequest body) {
        return service.update(personRef, body).map(known -> found(known, personRef));
    }

    private static PersonView found(PersonService.Known known, String personRef) {
        if (known == null) {
            throw ProblemException.notFound("personRef", "Person", personRef);
        }
        return PersonView.of(known);
    }
}
