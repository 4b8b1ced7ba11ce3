package org.careloop.referral.routing.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.careloop.contracts.codes.SdohCategories;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.referral.lifecycle.rest.ReferralView;
import org.careloop.referral.routing.service.WorkQueueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The coordinators' work queue: needs that ran out of candidates, to claim, then assign by hand or close. */
@Path("/api/v1/work-queue")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Work queue",
        description = "Needs nothing is left to try for automatically: no service with capacity, every candidate"
                + " tried, too many attempts, or reassigned by a coordinator")
public class WorkQueueResource {

    private final WorkQueueService service;
    private final Caller caller;

    public WorkQueueResource(WorkQueueService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR})
    @Operation(summary = "List the queued needs, longest waiting first")
    @APIResponse(responseCode = "200", description = "One page of queued needs")
    @APIResponse(
            responseCode = "400",
            description = "Unknown category or bad paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<WorkQueueItemView>> list(
            @QueryParam("category") @Parameter(description = "Only needs of this SDOHCC category") String category,
            @QueryParam("claimed")
                    @Parameter(description = "true: only needs a coordinator claimed; false: only unclaimed ones")
                    String claimed,
            @BeanParam @Valid PageRequest page) {
        if (category != null && !SdohCategories.isCode(category)) {
            throw ProblemException.badRequest("category", "must be an SDOHCC category code");
        }
        if (claimed != null && !claimed.equals("true") && !claimed.equals("false")) {
            throw ProblemException.badRequest("claimed", "must be true or false");
        }
        return service.queue(category, claimed == null ? null : Boolean.valueOf(claimed), page)
                .map(p -> p.map(WorkQueueItemView::of));
    }

    @GET
    @Path("/{needId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR})
    @Operation(summary = "A queued need with every attempt made at it")
    @APIResponse(responseCode = "200", description = "The need and its attempts, first attempt first")
    @APIResponse(
            responseCode = "404",
            description = "The need is unknown or not in the queue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WorkQueueEntryView> get(@PathParam("needId") UUID needId) {
        return service.entry(needId).map(WorkQueueEntryView::of);
    }

    @POST
    @Path("/{needId}/claim")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            summary = "Claim a queued need: the other coordinators see that you work on it",
            description = "Claiming a need you hold already changes nothing. While you hold it, only you assign or"
                    + " close it.")
    @APIResponse(responseCode = "200", description = "The need, claimed by the caller")
    @APIResponse(
            responseCode = "404",
            description = "Unknown need",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The need is not in the queue, or another coordinator holds it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WorkQueueItemView> claim(@PathParam("needId") UUID needId) {
        return service.claim(needId, caller.name()).map(WorkQueueItemView::of);
    }

    @POST
    @Path("/{needId}/release")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            summary = "Release the claim on a queued need",
            description = "Any coordinator may release a claim (for a colleague who is away); releasing an"
                    + " unclaimed need changes nothing.")
    @APIResponse(responseCode = "200", description = "The need, unclaimed")
    @APIResponse(
            responseCode = "404",
            description = "Unknown need",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The need is not in the queue",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WorkQueueItemView> release(@PathParam("needId") UUID needId) {
        return service.release(needId, caller.name()).map(WorkQueueItemView::of);
    }

    @POST
    @Path("/{needId}/assign")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            summary = "Assign a queued need to a service by hand",
            description = "Makes the next attempt: a requested referral to the organization that runs the service,"
                    + " chased like any other. Any active service the directory lists will do, including one that"
                    + " was tried before or has no place free: the coordinator decides.")
    @APIResponse(responseCode = "200", description = "The new referral")
    @APIResponse(
            responseCode = "400",
            description = "Missing or malformed serviceId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown need or service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The need is not in the queue (any more) or another coordinator holds it, or the service is"
                    + " not active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReferralView> assign(@PathParam("needId") UUID needId, @Valid @NotNull AssignRequest request) {
        return service.assign(needId, request.serviceId(), caller.name()).map(ReferralView::of);
    }

    @POST
    @Path("/{needId}/close")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Close a queued need: nobody will be referred for it any more")
    @APIResponse(responseCode = "200", description = "The need, closed")
    @APIResponse(
            responseCode = "400",
            description = "Missing reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown need",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The need is not in the queue, or another coordinator holds it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WorkQueueItemView> close(@PathParam("needId") UUID needId, @Valid @NotNull CloseRequest request) {
        return service.close(needId, request.reason().strip(), caller.name()).map(WorkQueueItemView::of);
    }
}
