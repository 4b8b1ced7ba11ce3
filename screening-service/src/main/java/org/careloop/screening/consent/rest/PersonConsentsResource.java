package org.careloop.screening.consent.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Roles;
import org.careloop.screening.consent.service.ConsentService;
import org.careloop.screening.person.rest.PersonApi;
import org.careloop.screening.screening.rest.CreateScreeningRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's consent decisions: listed and recorded by their clinic. */
@Path("/api/v1/people/{personRef}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "SDOHCC Consent (IDSCL): who may receive a person's needs, until when")
public class PersonConsentsResource {

    private final ConsentService service;

    public PersonConsentsResource(ConsentService service) {
        this.service = service;
    }

    @GET
    // Every caller may ask, so that every attempt is audited; only the person's clinic is answered.
    @RolesAllowed({Roles.CLINIC, Roles.CBO_STAFF, Roles.COORDINATOR, Roles.OPERATOR, Roles.INTEGRATOR})
    @Operation(summary = "A patient's consent decisions, newest first (the first is in force)")
    @APIResponse(responseCode = "200", description = "One page of decisions")
    @APIResponse(
            responseCode = "404",
            description = "Unknown person, or one of another clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ConsentView>> list(
            @PathParam("personRef") @Pattern(regexp = PersonApi.REF_PATTERN, message = PersonApi.REF_MESSAGE)
                    String personRef,
            @BeanParam @Valid PageRequest page) {
        return service.list(personRef, page).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("personRef", "Person", personRef);
            }
            return p.map(ConsentView::of);
        });
    }

    @POST
    @RolesAllowed(Roles.CLINIC)
    @Operation(
            summary = "Record a new consent decision for a patient",
            description = "It replaces the decision in force. A decision that no longer covers an organization a"
                    + " referral is open with makes the referral service cancel that referral within seconds.")
    @APIResponse(responseCode = "200", description = "The decision recorded")
    @APIResponse(
            responseCode = "400",
            description = "Invalid field; nothing was recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown person, or one of another clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConsentView> record(
            @PathParam("personRef") @Pattern(regexp = PersonApi.REF_PATTERN, message = PersonApi.REF_MESSAGE)
                    String personRef,
            @Valid @NotNull CreateScreeningRequest.ConsentRequest body) {
        return service.record(personRef, body.terms()).map(ConsentView::of);
    }
}
