package org.careloop.directory.exchange.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.careloop.directory.exchange.service.NeedMappingService;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How terms of other taxonomies (Open Eligibility, 211 LA...) map to CareLoop's need categories. */
@Path("/api/v1/directory/need-mappings")
@Tag(name = "Need mappings", description = "Map other taxonomies' terms to need categories")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR})
public class NeedMappingResource {

    private final NeedMappingService service;

    public NeedMappingResource(NeedMappingService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List the need mappings")
    @APIResponse(responseCode = "200", description = "All mappings, by taxonomy and term")
    public Uni<List<NeedMappingView>> list() {
        return service.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a need mapping; recomputes the categories of the services of that taxonomy")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Invalid mapping (category must be a need category code)")
    @APIResponse(responseCode = "409", description = "The same mapping exists already")
    public Uni<Response> create(@Valid @NotNull NeedMappingRequest request) {
        return service.create(
                        request.taxonomy(), request.term(), Boolean.TRUE.equals(request.prefix()), request.category())
                .map(view -> Response.created(URI.create("/api/v1/directory/need-mappings/" + view.id()))
                        .entity(view)
                        .build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a need mapping; recomputes the categories of the services of that taxonomy")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such mapping")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return service.delete(id).map(view -> Response.noContent().build());
    }
}
