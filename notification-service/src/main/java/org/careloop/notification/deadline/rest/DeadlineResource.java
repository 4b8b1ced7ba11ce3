package org.careloop.notification.deadline.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.careloop.notification.deadline.DeadlineState;
import org.careloop.notification.deadline.service.DeadlineService;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Read access to acknowledgement deadlines for operators and coordinators. */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines", description = "Acknowledgement deadlines of requested referrals")
public class DeadlineResource {

    private static final String STATES = "OPEN|MET|CLEARED";

    private final DeadlineService service;

    public DeadlineResource(DeadlineService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.COORDINATOR})
    @Operation(summary = "List acknowledgement deadlines, soonest due first")
    @APIResponse(responseCode = "200", description = "One page of deadlines")
    @APIResponse(
            responseCode = "400",
            description = "Invalid state or paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not an operator or coordinator")
    public Uni<Page<DeadlineView>> list(
            @QueryParam("state")
                    @Parameter(
                            description = "Only deadlines in this state",
                            schema = @Schema(enumeration = {"OPEN", "MET", "CLEARED"}))
                    @Pattern(regexp = STATES, message = "must be one of OPEN, MET, CLEARED")
                    String state,
            @BeanParam @Valid PageRequest page) {
        DeadlineState filter = state == null ? null : DeadlineState.valueOf(state);
        return service.list(filter, page).map(result -> {
            Instant now = Instant.now();
            return result.map(d -> DeadlineView.of(d, now));
        });
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({Roles.OPERATOR, Roles.COORDINATOR})
    @Operation(summary = "Get the acknowledgement deadline of a referral")
    @APIResponse(responseCode = "200", description = "The deadline")
    @APIResponse(
            responseCode = "404",
            description = "No deadline for this referral",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not an operator or coordinator")
    public Uni<DeadlineView> get(@PathParam("referralId") UUID referralId) {
        return service.get(referralId).map(d -> DeadlineView.of(d, Instant.now()));
    }
}
