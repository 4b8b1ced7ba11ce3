package org.careloop.directory.catalog.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.careloop.directory.catalog.service.ImportService;
import org.careloop.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk import of HSDS-shaped directory data. */
@Path("/api/v1/directory")
@Tag(name = "Directory import", description = "Load organizations and services from an HSDS-shaped bundle")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportService importService;

    public ImportResource(ImportService importService) {
        this.importService = importService;
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(
            summary = "Import organizations and services",
            description = "Upserts by id in one transaction; re-importing replaces the categories and capacity of"
                    + " the listed services. Idempotent.")
    @APIResponse(responseCode = "200", description = "Imported; counts of the bundle's organizations and services")
    @APIResponse(responseCode = "400", description = "Invalid bundle; nothing was written")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a coordinator")
    @APIResponse(
            responseCode = "409",
            description = "A listed service belongs to another organization (allow_moves=true moves it), or the"
                    + " directory changed concurrently (retry); nothing was written")
    public Uni<ImportSummary> importBundle(
            @Valid @NotNull ImportBundle bundle,
            @Parameter(description = "Whether listed services may move to another organization (else 409)")
                    @QueryParam("allow_moves")
                    Boolean allowMoves) {
        return importService
                .importListings(CatalogMapper.toListings(bundle), Boolean.TRUE.equals(allowMoves))
                .map(result -> new ImportSummary(result.organizations(), result.services()));
    }
}
