package org.careloop.notification.policy.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.careloop.notification.policy.service.PolicyService;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coordinators and operators manage acknowledgement policies: the default and organizations' own. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR})
@Tag(name = "Policies", description = "Acknowledgement policies: when to remind, escalate, recall and ask for updates")
public class PolicyResource {

    private final PolicyService service;
    private final Caller caller;

    public PolicyResource(PolicyService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List stored policies, the default first, then by organization id")
    @APIResponse(responseCode = "200", description = "One page of policies")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<Page<PolicyView>> list(@BeanParam @Valid PageRequest page) {
        return service.list(page).map(p -> p.map(PolicyView::of));
    }

    @GET
    @Path("/default")
    @Operation(summary = "Get the default policy")
    @APIResponse(responseCode = "200", description = "The default policy")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<PolicyView> getDefault() {
        return service.getDefault().map(PolicyView::of);
    }

    @PUT
    @Path("/default")
    @Operation(
            summary = "Replace the default policy",
            description = "Fields left out keep their value. Referrals already requested keep the chases they have.")
    @APIResponse(responseCode = "200", description = "The default policy after the change")
    @APIResponse(
            responseCode = "400",
            description = "A malformed, non-positive or out-of-order duration; errors[].field names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<PolicyView> putDefault(@NotNull PolicyRequest request) {
        return service.putDefault(request.draft(), caller.name()).map(PolicyView::of);
    }

    @GET
    @Path("/organizations/{organizationId}")
    @Operation(
            summary = "Get the policy that applies to an organization",
            description = "Its own policy (scope organization), or the default (scope default).")
    @APIResponse(responseCode = "200", description = "The policy that applies")
    @APIResponse(
            responseCode = "404",
            description = "The directory does not know the organization; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<PolicyView> get(
            @PathParam("organizationId") @Parameter(description = "HSDS organization id") String organizationId) {
        return service.get(organizationId).map(PolicyView::of);
    }

    @PUT
    @Path("/organizations/{organizationId}")
    @Operation(
            summary = "Set an organization's own policy",
            description = "Fields left out take the default policy's current values. Applies to referrals requested"
                    + " from now on.")
    @APIResponse(responseCode = "200", description = "The organization's policy after the change")
    @APIResponse(
            responseCode = "400",
            description = "A malformed, non-positive or out-of-order duration; errors[].field names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "The directory does not know the organization; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<PolicyView> put(
            @PathParam("organizationId") @Parameter(description = "HSDS organization id") String organizationId,
            @NotNull PolicyRequest request) {
        return service.put(organizationId, request.draft(), caller.name()).map(PolicyView::of);
    }

    @DELETE
    @Path("/organizations/{organizationId}")
    @Operation(summary = "Remove an organization's own policy: the default applies again")
    @APIResponse(responseCode = "204", description = "Removed, or there was none")
    @APIResponse(
            responseCode = "404",
            description = "The directory does not know the organization; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<Void> delete(
            @PathParam("organizationId") @Parameter(description = "HSDS organization id") String organizationId) {
        return service.delete(organizationId, caller.name());
    }
}
