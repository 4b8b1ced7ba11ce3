package org.careloop.directory.holds.rest;

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
import org.careloop.directory.holds.CapacityHold;
import org.careloop.directory.holds.HoldState;
import org.careloop.directory.holds.service.HoldQueryService;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The places held at a service: why its available figure is what it is. */
@Path("/api/v1/services/{id}/holds")
@Tag(name = "Services", description = "Services of the directory (HSDS service) with categories and capacity")
@Produces(MediaType.APPLICATION_JSON)
public class HoldResource {

    private final HoldQueryService holds;

    public HoldResource(HoldQueryService holds) {
        this.holds = holds;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR, Roles.CBO_STAFF})
    @Operation(
            summary = "List the places held at a service, newest first",
            description = "Coordinators and operators, or staff of the organization that runs the service.")
    @APIResponse(responseCode = "200", description = "A page of holds")
    @APIResponse(responseCode = "400", description = "Unknown state or invalid paging parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator, nor staff of the organization")
    @APIResponse(responseCode = "404", description = "No such service")
    public Uni<Page<HoldView>> list(
            @PathParam("id") String id,
            @QueryParam("state")
                    @Pattern(regexp = HoldState.PATTERN, message = "must be one of TENTATIVE, FIRM, RELEASED")
                    @Parameter(
                            description = "Only holds in this state",
                            schema = @Schema(enumeration = {"TENTATIVE", "FIRM", "RELEASED"}))
                    String state,
            @BeanParam @Valid PageRequest page) {
        return holds.findHolds(id, state == null ? null : HoldState.valueOf(state), page)
                .map(found -> found.map(HoldResource::toView));
    }

    static HoldView toView(CapacityHold h) {
        return new HoldView(
                h.id,
                h.serviceId,
                h.needId,
                h.screeningId,
                h.category,
                h.state.name(),
                h.origin.name(),
                h.matchRequestId,
                h.referralId,
                h.referralVersion,
                h.referralStatus,
                h.createdAt,
                h.updatedAt,
                h.expiresAt,
                h.releasedAt,
                h.releaseReason);
    }
}
