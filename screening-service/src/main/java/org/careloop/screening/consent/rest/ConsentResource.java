package org.careloop.screening.consent.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.security.Roles;
import org.careloop.screening.consent.service.ConsentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Revocation of a consent decision by the clinic that recorded it. */
@Path("/api/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "SDOHCC Consent (IDSCL): who may receive a person's needs, until when")
public class ConsentResource {

    private final ConsentService service;

    public ConsentResource(ConsentService service) {
        this.service = service;
    }

    @POST
    @Path("/{consentId}/revoke")
    @RolesAllowed(Roles.CLINIC)
    @Operation(
            summary = "Revoke a consent decision",
            description = "The permission ends at once: contact details become unreadable and open referrals of the"
                    + " person are cancelled (consent-revoked) within seconds. What was disclosed stays disclosed.")
    @APIResponse(responseCode = "200", description = "The decision, revoked")
    @APIResponse(
            responseCode = "404",
            description = "Unknown decision, or one of another clinic",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The decision is not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConsentView> revoke(@PathParam("consentId") UUID consentId, @Valid @NotNull RevokeRequest body) {
        return service.revoke(consentId, body.reason().strip()).map(ConsentView::of);
    }
}
