package org.careloop.directory.catalog.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.careloop.directory.catalog.service.CatalogService;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HSDS organizations. */
@Path("/api/v1/organizations")
@Tag(name = "Organizations", description = "Community organizations of the directory (HSDS organization)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class OrganizationResource {

    private final CatalogService catalog;

    public OrganizationResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "List organizations, by id")
    @APIResponse(responseCode = "200", description = "A page of organizations")
    @APIResponse(responseCode = "400", description = "Invalid paging parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Uni<Page<OrganizationSummary>> list(@BeanParam @Valid PageRequest page) {
        return catalog.findOrganizations(page).map(found -> found.map(CatalogMapper::toSummary));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an organization with its services")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such organization")
    public Uni<OrganizationView> get(@PathParam("id") String id) {
        return catalog.findOrganization(id).map(CatalogMapper::toView);
    }
}
