package org.careloop.notification.delivery.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.careloop.notification.common.OrganizationScope;
import org.careloop.notification.delivery.repository.DeliveryRepository;
import org.careloop.notification.delivery.service.DeliveryService;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.rest.PublicUrls;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The record of every delivery (webhooks, e-mail): for the organization told, and for operators and coordinators. */
@Path("/api/v1/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "What was delivered to whom, each attempt, and replays")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(
        responseCode = "403",
        description = "Not allowed, or another organization's deliveries",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeliveryResource {

    private static final Set<String> CHANNELS = Set.of("webhook", "email");

    private final DeliveryService service;
    private final Caller caller;
    private final PublicUrls urls;

    public DeliveryResource(DeliveryService service, Caller caller, PublicUrls urls) {
        this.service = service;
        this.caller = caller;
        this.urls = urls;
    }

    @GET
    @RolesAllowed({Roles.INTEGRATOR, Roles.CLINIC, Roles.CBO_STAFF, Roles.COORDINATOR, Roles.OPERATOR})
    @Operation(summary = "List deliveries, newest first: the caller's organization's (operators, coordinators: any)")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(
            responseCode = "400",
            description = "An unknown channel or state, a bad referralId or paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<DeliveryView>> list(
            @QueryParam("organizationId") @Parameter(description = "The organization told") String organizationId,
            @QueryParam("channel") @Parameter(description = "webhook or email") String channel,
            @QueryParam("referralId") @Parameter(description = "Deliveries about this referral") UUID referralId,
            @QueryParam("state") @Parameter(description = "pending, sending, delivered, failed or cancelled")
                    String state,
            @BeanParam @Valid PageRequest page) {
        if (channel != null && !CHANNELS.contains(channel)) {
            throw ProblemException.badRequest("channel", "must be webhook or email");
        }
        DeliveryRepository.Filter filter = new DeliveryRepository.Filter(
                OrganizationScope.of(caller, organizationId, true),
                channel,
                null,
                referralId,
                DeliveryView.state(state));
        return service.list(filter, page).map(p -> p.map(DeliveryView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTEGRATOR, Roles.CLINIC, Roles.CBO_STAFF, Roles.COORDINATOR, Roles.OPERATOR})
    @Operation(summary = "A delivery with all its attempts")
    @APIResponse(responseCode = "200", description = "The delivery")
    @APIResponse(responseCode = "404", description = "No such delivery to the caller's organization")
    public Uni<DeliveryView> get(@PathParam("id") UUID id) {
        return service.get(id, OrganizationScope.of(caller, null, true))
                .chain(d -> service.attemptsOf(d.id).map(a -> DeliveryView.of(d, a)));
    }

    @POST
    @Path("/{id}/replay")
    @RolesAllowed({Roles.INTEGRATOR, Roles.CLINIC, Roles.CBO_STAFF, Roles.OPERATOR})
    @Operation(
            summary = "Deliver a notice again",
            description = "A new delivery of the same notice (same webhook-id) to the same destination, after the"
                    + " destination's other deliveries of that referral.")
    @APIResponse(responseCode = "202", description = "The new delivery, pending")
    @APIResponse(responseCode = "404", description = "No such delivery to the caller's organization")
    public Uni<Response> replay(@PathParam("id") UUID id) {
        return service.replay(id, OrganizationScope.of(caller, null, false))
                .map(d -> Response.accepted(DeliveryView.of(d))
                        .location(urls.of("/api/v1/deliveries/" + d.id))
                        .build());
    }
}
