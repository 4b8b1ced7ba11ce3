package org.careloop.referral.settings.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careloop.contracts.codes.SdohCategories;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.referral.settings.RoutingMode;
import org.careloop.referral.settings.service.RoutingSettingsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Each clinic chooses, per SDOHCC category, whether its referrals are sent automatically or reviewed first. */
@Path("/api/v1/routing-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Routing settings",
        description = "Per clinic and SDOHCC category: referrals sent automatically (auto, the default) or proposed as"
                + " drafts for the clinic's staff to review with the person (review). Interpersonal-safety needs are"
                + " always reviewed.")
public class RoutingSettingsResource {

    /** What an organization id looks like; anything else cannot be one (400, not an empty answer). */
    static final String ORGANIZATION_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    private final RoutingSettingsService service;
    private final Caller caller;

    public RoutingSettingsResource(RoutingSettingsService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{organizationId}")
    @RolesAllowed({Roles.CLINIC, Roles.COORDINATOR, Roles.OPERATOR})
    @Operation(
            summary = "A clinic's routing settings: every SDOHCC category with its mode",
            description = "Clinic staff read their own organization's; coordinators and operators any clinic's.")
    @APIResponse(responseCode = "200", description = "The 24 categories with their modes")
    @APIResponse(
            responseCode = "400",
            description = "Malformed organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "A clinic asking for another organization's settings",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoutingSettingsView> get(
            @PathParam("organizationId")
                    @Pattern(regexp = ORGANIZATION_ID, message = "must be an organization id")
                    @Parameter(description = "The clinic's organization id")
                    String organizationId) {
        if (!caller.hasRole(Roles.COORDINATOR) && !caller.hasRole(Roles.OPERATOR)) {
            requireOwn(organizationId);
        }
        return service.of(organizationId).map(rows -> RoutingSettingsView.of(organizationId, rows));
    }

    @PUT
    @Path("/{organizationId}")
    @RolesAllowed(Roles.CLINIC)
    @Operation(
            summary = "Set a clinic's routing settings",
            description = "Replaces the clinic's settings: the categories listed get their mode, every other one is"
                    + " auto. Applies to needs routed from now on. Clinic staff set their own organization's only.")
    @APIResponse(responseCode = "200", description = "The settings after the change")
    @APIResponse(
            responseCode = "400",
            description = "Malformed organizationId, an unknown category or mode, or a category listed twice;"
                    + " errors[].field names each (settings[i].category, settings[i].mode). Nothing is written.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "Another organization's settings",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoutingSettingsView> put(
            @PathParam("organizationId")
                    @Pattern(regexp = ORGANIZATION_ID, message = "must be an organization id")
                    @Parameter(description = "The clinic's organization id")
                    String organizationId,
            @Valid @NotNull RoutingSettingsRequest request) {
        Map<String, RoutingMode> modes = validated(request);
        requireOwn(organizationId);
        return service.replace(organizationId, modes, caller.name())
                .map(rows -> RoutingSettingsView.of(organizationId, rows));
    }

    private void requireOwn(String organizationId) {
        if (!organizationId.equals(caller.requireOrganizationId())) {
            throw ProblemException.forbidden("Clinic staff read and set their own organization's routing settings");
        }
    }

    /** Category to mode, in the order given; 400 naming every faulty entry, before anything is written. */
    static Map<String, RoutingMode> validated(RoutingSettingsRequest request) {
        Map<String, RoutingMode> modes = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<RoutingSettingsRequest.Entry> entries = request.settings();
        for (int i = 0; i < entries.size(); i++) {
            RoutingSettingsRequest.Entry entry = entries.get(i);
            String at = "settings[" + i + "]";
            if (entry == null) {
                errors.add(new Problem.FieldError(at, "must not be null"));
                continue;
            }
            boolean knownCategory = SdohCategories.isCode(entry.category());
            if (!knownCategory) {
                errors.add(new Problem.FieldError(at + ".category", "must be an SDOHCC category code"));
            } else if (!seen.add(entry.category())) {
                errors.add(new Problem.FieldError(at + ".category", "is listed twice"));
            }
            var mode = RoutingMode.fromCode(entry.mode());
            if (mode.isEmpty()) {
                errors.add(new Problem.FieldError(at + ".mode", "must be one of " + RoutingMode.CODES));
            }
            if (knownCategory && mode.isPresent()) {
                modes.putIfAbsent(entry.category(), mode.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(
                    400,
                    "validation",
                    "Invalid request",
                    errors.stream()
                            .map(e -> e.field() + ": " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    errors);
        }
        return modes;
    }
}
