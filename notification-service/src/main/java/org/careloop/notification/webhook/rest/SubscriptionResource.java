package org.careloop.notification.webhook.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.careloop.notification.common.OrganizationScope;
import org.careloop.notification.delivery.repository.DeliveryRepository;
import org.careloop.notification.delivery.rest.DeliveryView;
import org.careloop.notification.delivery.service.DeliveryService;
import org.careloop.notification.webhook.WebhookChannel;
import org.careloop.notification.webhook.service.SubscriptionService;
import org.careloop.platform.problem.Problem;
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

/**
 * Partner systems and integrators subscribe to their organization's referral notices; operators manage any
 * organization's subscriptions.
 */
@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATOR, Roles.CLINIC, Roles.CBO_STAFF, Roles.OPERATOR})
@Tag(name = "Webhooks", description = "Signed webhooks (Standard Webhooks) for an organization's referral notices")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(
        responseCode = "403",
        description = "Not a subscriber role, or another organization's subscriptions",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SubscriptionResource {

    private final SubscriptionService service;
    private final DeliveryService deliveries;
    private final Caller caller;
    private final PublicUrls urls;

    public SubscriptionResource(
            SubscriptionService service, DeliveryService deliveries, Caller caller, PublicUrls urls) {
        this.service = service;
        this.deliveries = deliveries;
        this.caller = caller;
        this.urls = urls;
    }

    @POST
    @Operation(
            summary = "Subscribe an endpoint to notices about the organization's referrals",
            description = "The answer carries the signing secret (whsec_...). Deliveries are signed per Standard"
                    + " Webhooks: webhook-id, webhook-timestamp, webhook-signature.")
    @APIResponse(responseCode = "201", description = "Created, with its secret")
    @APIResponse(
            responseCode = "400",
            description = "A field at fault (url, types[i], description, contactEmail); errors[].field names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The organization has the most subscriptions allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull SubscriptionRequest request) {
        String organization = request.organizationId() == null && caller.hasRole(Roles.OPERATOR)
                ? null
                : OrganizationScope.of(caller, request.organizationId(), false);
        return service.create(request.draft(), organization, caller.name()).map(w -> Response.created(
                        urls.of("/api/v1/webhook-subscriptions/" + w.subscription().id))
                .entity(SubscriptionView.of(w.subscription(), w.secrets().getFirst()))
                .build());
    }

    @GET
    @Operation(summary = "List subscriptions: the caller's organization's (operators: any, or one organization's)")
    @APIResponse(responseCode = "200", description = "One page of subscriptions, oldest first")
    public Uni<Page<SubscriptionView>> list(
            @QueryParam("organizationId") @Parameter(description = "Only this organization's") String organizationId,
            @BeanParam @Valid PageRequest page) {
        return service.list(OrganizationScope.of(caller, organizationId, false), page)
                .map(p -> p.map(SubscriptionView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a subscription")
    @APIResponse(responseCode = "200", description = "The subscription")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return service.get(id, scope()).map(SubscriptionView::of);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a subscription's url, types, description and contact")
    @APIResponse(responseCode = "200", description = "The subscription after the change")
    @APIResponse(
            responseCode = "400",
            description = "A field at fault; errors[].field names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<SubscriptionView> update(@PathParam("id") UUID id, @NotNull SubscriptionRequest request) {
        return service.update(id, request.draft(), scope(), caller.name()).map(SubscriptionView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription; its undelivered deliveries are cancelled")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return service.delete(id, scope(), caller.name());
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a subscription: deliveries queue until it is resumed")
    @APIResponse(responseCode = "200", description = "The paused subscription")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<SubscriptionView> pause(@PathParam("id") UUID id) {
        return service.pause(id, scope(), caller.name()).map(SubscriptionView::of);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(
            summary = "Resume a subscription",
            description = "Queued deliveries go out from where they stopped, in order per referral; deliveries that"
                    + " had failed for good are tried again.")
    @APIResponse(responseCode = "200", description = "The active subscription")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<SubscriptionView> resume(@PathParam("id") UUID id) {
        return service.resume(id, scope(), caller.name()).map(SubscriptionView::of);
    }

    @GET
    @Path("/{id}/secret")
    @Operation(summary = "The secrets that sign now: the current one first, then rotated-out ones until they expire")
    @APIResponse(responseCode = "200", description = "The secrets")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<SecretsView> secrets(@PathParam("id") UUID id) {
        return service.secrets(id, scope()).map(SecretsView::of);
    }

    @POST
    @Path("/{id}/secret/rotate")
    @Operation(
            summary = "Rotate the signing secret",
            description = "A new current secret; the old one keeps signing beside it (two signatures per delivery)"
                    + " for the overlap, default P1D.")
    @APIResponse(responseCode = "200", description = "The secrets after the rotation")
    @APIResponse(
            responseCode = "400",
            description = "overlap out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<SecretsView> rotate(@PathParam("id") UUID id, RotationRequest request) {
        return service.rotate(id, request == null ? null : request.overlap(), scope(), caller.name())
                .map(SecretsView::of);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "The deliveries of a subscription, newest first")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's organization")
    public Uni<Page<DeliveryView>> deliveries(
            @PathParam("id") UUID id,
            @QueryParam("state")
                    @Parameter(
                            description =
                                    "Only deliveries in this state: pending, sending, delivered, failed, cancelled")
                    String state,
            @BeanParam @Valid PageRequest page) {
        String scope = scope();
        return service.get(id, scope)
                .chain(s -> deliveries.list(
                        new DeliveryRepository.Filter(
                                scope, WebhookChannel.NAME, s.id.toString(), null, DeliveryView.state(state)),
                        page))
                .map(p -> p.map(DeliveryView::of));
    }

    private String scope() {
        return OrganizationScope.of(caller, null, false);
    }
}
