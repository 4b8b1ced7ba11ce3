package org.careloop.notification.email.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.careloop.notification.email.service.EmailSettingsService;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organization's e-mail settings: its staff, clinic or integrator manage their own organization's; coordinators
 * and operators any organization's.
 */
@Path("/api/v1/organizations/{organizationId}/email-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR, Roles.CBO_STAFF, Roles.CLINIC, Roles.INTEGRATOR})
@Tag(name = "E-mail settings", description = "Which notices an organization gets by e-mail, where, in which language")
public class EmailSettingsResource {

    private final EmailSettingsService service;
    private final Caller caller;

    public EmailSettingsResource(EmailSettingsService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Get an organization's e-mail settings")
    @APIResponse(responseCode = "200", description = "The organization's e-mail settings")
    @APIResponse(
            responseCode = "400",
            description = "Malformed organization id; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "The organization has no e-mail settings; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Another organization's settings, or a role that has none")
    public Uni<EmailSettingsView> get(
            @PathParam("organizationId")
                    @Parameter(description = "HSDS organization id, e.g. org-foodbank")
                    @Pattern(
                            regexp = EmailSettingsService.ORGANIZATION_ID_PATTERN,
                            message = EmailSettingsService.ORGANIZATION_ID_MESSAGE)
                    String organizationId) {
        requireAccess(organizationId);
        return service.get(organizationId).map(EmailSettingsView::of);
    }

    @PUT
    @Operation(
            summary = "Set an organization's e-mail settings",
            description = "Replaces the stored settings. address is required; enabled defaults to false, language to"
                    + " en, types to referral.requested, referral.reminder and referral.recalled.")
    @APIResponse(responseCode = "200", description = "The settings after the change")
    @APIResponse(
            responseCode = "400",
            description = "A bad address, language or type, or a malformed organization id; errors[].field names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Another organization's settings, or a role that has none")
    public Uni<EmailSettingsView> put(
            @PathParam("organizationId")
                    @Parameter(description = "HSDS organization id, e.g. org-foodbank")
                    @Pattern(
                            regexp = EmailSettingsService.ORGANIZATION_ID_PATTERN,
                            message = EmailSettingsService.ORGANIZATION_ID_MESSAGE)
                    String organizationId,
            @NotNull EmailSettingsRequest request) {
        requireAccess(organizationId);
        return service.put(organizationId, request.draft(), caller.name()).map(EmailSettingsView::of);
    }

    @DELETE
    @Operation(summary = "Remove an organization's e-mail settings: it gets no more e-mail")
    @APIResponse(responseCode = "204", description = "Removed, or there were none")
    @APIResponse(
            responseCode = "400",
            description = "Malformed organization id; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Another organization's settings, or a role that has none")
    public Uni<Void> delete(
            @PathParam("organizationId")
                    @Parameter(description = "HSDS organization id, e.g. org-foodbank")
                    @Pattern(
                            regexp = EmailSettingsService.ORGANIZATION_ID_PATTERN,
                            message = EmailSettingsService.ORGANIZATION_ID_MESSAGE)
                    String organizationId) {
        requireAccess(organizationId);
        return service.delete(organizationId, caller.name());
    }

    /** Coordinators and operators reach every organization; anyone else only the one of their token's org_id. */
    private void requireAccess(String organizationId) {
        if (caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.OPERATOR)) {
            return;
        }
        if (!caller.requireOrganizationId().equals(organizationId)) {
            throw ProblemException.forbidden("Only the e-mail settings of your own organization");
        }
    }
}
