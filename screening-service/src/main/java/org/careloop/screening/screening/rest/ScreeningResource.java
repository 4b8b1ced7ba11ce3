package org.careloop.screening.screening.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.rest.PublicUrls;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.screening.screening.service.ScreeningService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** REST surface of screenings: clinics submit them, clinics and coordinators read them. */
@Path("/api/v1/screenings")
@Tag(name = "Screenings", description = "Social-needs screenings, scored into SDOHCC needs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "403",
        description = "The caller's roles do not allow this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScreeningResource {

    private final ScreeningService service;
    private final Caller caller;
    private final PublicUrls urls;

    public ScreeningResource(ScreeningService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @POST
    @RolesAllowed(Roles.CLINIC)
    @Operation(
            summary = "Submit a completed screening",
            description = "Validates the answers against the instrument, scores them into needs, records the"
                    + " consent and publishes screening-completed. The requesting organization is the caller's.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded; Location names the new screening",
            content = @Content(schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid screening; errors[].field names each offending field; nothing was recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ScreeningView>> create(@Valid @NotNull CreateScreeningRequest body) {
        var submitted = body.toNewScreening(caller.requireOrganizationId(), caller.name());
        return service.complete(submitted).map(completed -> RestResponse.ResponseBuilder.<ScreeningView>created(
                        urls.of("/api/v1/screenings/" + completed.id()))
                .entity(ScreeningView.of(completed))
                .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLINIC, Roles.COORDINATOR})
    @Operation(summary = "Read one screening", description = "Clinics see only their own organization's screenings.")
    @APIResponse(
            responseCode = "200",
            description = "The screening",
            content = @Content(schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such screening, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ScreeningView> get(@PathParam("id") UUID id) {
        return service.find(id).map(ScreeningView::of);
    }

    @GET
    @RolesAllowed({Roles.CLINIC, Roles.COORDINATOR})
    @Operation(
            summary = "List screenings, newest first",
            description = "Clinics see only their own organization's screenings.")
    @APIResponse(responseCode = "200", description = "One page of screenings")
    @APIResponse(
            responseCode = "400",
            description = "Invalid query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ScreeningView>> list(
            @QueryParam("patientId")
                    @Parameter(
                            description =
                                    "Only this patient's screenings, by the clinic's own identifier (clinics only)")
                    @Pattern(regexp = ScreeningApi.PATIENT_ID_PATTERN, message = ScreeningApi.PATIENT_ID_MESSAGE)
                    String patientId,
            @QueryParam("personRef")
                    @Parameter(description = "Only this person's screenings, by their pseudonymous reference")
                    @Pattern(regexp = "p1-[A-Za-z0-9_-]{43}", message = "must be a person reference (p1-...)")
                    String personRef,
            @BeanParam @Valid PageRequest page) {
        return service.list(Optional.ofNullable(patientId), Optional.ofNullable(personRef), page)
                .map(result -> result.map(ScreeningView::of));
    }
}
