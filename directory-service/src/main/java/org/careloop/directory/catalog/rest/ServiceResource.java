package org.careloop.directory.catalog.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.careloop.directory.catalog.service.CapacityService;
import org.careloop.directory.catalog.service.CatalogService;
import org.careloop.directory.sdoh.SdohCategoryCode;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HSDS services and their live capacity. */
@Path("/api/v1/services")
@Tag(name = "Services", description = "Services of the directory (HSDS service) with categories and capacity")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    private final CatalogService catalog;
    private final CapacityService capacity;

    public ServiceResource(CatalogService catalog, CapacityService capacity) {
        this.catalog = catalog;
        this.capacity = capacity;
    }

    @GET
    @Authenticated
    @Operation(summary = "List services, by id, optionally by category and organization")
    @APIResponse(responseCode = "200", description = "A page of services")
    @APIResponse(responseCode = "400", description = "Invalid category or paging parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Uni<Page<ServiceView>> list(
            @QueryParam("category") @SdohCategoryCode @Parameter(description = "SDOHCC category code") String category,
            @QueryParam("organization_id") @Parameter(description = "Only services of this organization")
                    String organizationId,
            @BeanParam @Valid PageRequest page) {
        return catalog.findServices(category, organizationId, page).map(found -> found.map(CatalogMapper::toView));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Get a service with its categories and capacity")
    @APIResponse(responseCode = "200", description = "The service")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such service")
    public Uni<ServiceView> get(@PathParam("id") String id) {
        return catalog.findService(id).map(CatalogMapper::toView);
    }

    @PUT
    @Path("/{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.CBO_STAFF})
    @Operation(
            summary = "Report a service's capacity",
            description = "Coordinators, or staff of the organization that runs the service. Replaces the figures"
                    + " and sets updated.")
    @APIResponse(responseCode = "200", description = "The new capacity")
    @APIResponse(responseCode = "400", description = "Invalid figures")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a coordinator, nor staff of the service's organization")
    @APIResponse(responseCode = "404", description = "No such service")
    public Uni<CapacityView> updateCapacity(@PathParam("id") String id, @Valid @NotNull CapacityUpdate update) {
        return capacity.updateCapacity(id, CatalogMapper.toChange(update)).map(CatalogMapper::toView);
    }
}
