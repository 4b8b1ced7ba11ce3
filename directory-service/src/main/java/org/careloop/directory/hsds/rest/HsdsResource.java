package org.careloop.directory.hsds.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.careloop.directory.hsds.service.HsdsFilter;
import org.careloop.directory.hsds.service.HsdsFilter.PostalCode;
import org.careloop.directory.hsds.service.HsdsParameters;
import org.careloop.directory.hsds.service.HsdsService;
import org.careloop.directory.hsds.service.HsdsShape;
import org.careloop.platform.rest.PublicUrls;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Open Referral HSDS 3.1 API: public, read-only (writes stay behind roles in /api/v1), rate limited per client by
 * {@link HsdsRateLimit}. Bodies are HSDS JSON built by the database and written out as they are.
 */
@Path("/hsds")
@Tag(name = "HSDS", description = "Open Referral HSDS 3.1 API: public read of the directory, rate limited per client")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class HsdsResource {

    /** The HSDS version this API serves. */
    public static final String VERSION = "3.1";

    public static final String PROFILE = "https://docs.openreferral.org/en/latest/hsds/";

    private final HsdsService hsds;
    private final PublicUrls urls;

    public HsdsResource(HsdsService hsds, PublicUrls urls) {
        this.hsds = hsds;
        this.urls = urls;
    }

    @GET
    @Operation(summary = "About this API: HSDS version, profile and OpenAPI document")
    @APIResponse(responseCode = "200", description = "{version, profile, openapi_url}")
    public Map<String, String> root() {
        return Map.of(
                "version", VERSION,
                "profile", PROFILE,
                "openapi_url", urls.of("/hsds/openapi.json").toString());
    }

    /**
     * The HSDS 3.1 OpenAPI document this API implements (Open Referral's, shipped with the service), public like the
     * API; the service's own OpenAPI, with CareLoop's additions, is at {@code /q/openapi} for operators.
     */
    @GET
    @Path("/openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The HSDS 3.1 OpenAPI document (Open Referral, CC BY-SA 4.0) this API implements")
    @APIResponse(responseCode = "200", description = "OpenAPI 3.1 JSON")
    public Response openApi() {
        InputStream document = HsdsResource.class.getResourceAsStream("/hsds/3.1/schema/openapi.json");
        if (document == null) {
            throw new NotFoundException("The HSDS OpenAPI document is not packaged");
        }
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/services")
    @Operation(summary = "Services, by id (nearest first with a proximity), in the HSDS paging envelope")
    @APIResponse(responseCode = "200", description = "A page of services")
    @APIResponse(responseCode = "400", description = "A bad parameter (named in errors[].field)")
    @APIResponse(responseCode = "429", description = "Too many requests from this client; see Retry-After")
    public Uni<String> services(
            @Parameter(description = "Full-text search over name, alternate_name, description and organization name")
                    @QueryParam("search")
                    String search,
            @Parameter(description = "Page number, from 1 (default 1)") @QueryParam("page") Integer page,
            @Parameter(description = "Services per page, 1 to 200 (default 50)") @QueryParam("per_page")
                    Integer perPage,
            @Parameter(description = "Only json (the default)") @QueryParam("format") String format,
            @Parameter(description = "Services tagged with this taxonomy term (through an attribute)")
                    @QueryParam("taxonomy_term_id")
                    String taxonomyTermId,
            @Parameter(description = "Services tagged with any term of this taxonomy") @QueryParam("taxonomy_id")
                    String taxonomyId,
            @Parameter(description = "Services of this organization") @QueryParam("organization_id")
                    String organizationId,
            @Parameter(description = "Services whose last_modified is at or after this ISO-8601 date-time")
                    @QueryParam("modified_after")
                    String modifiedAfter,
            @Parameter(description = "Only id and last_modified") @QueryParam("minimal") Boolean minimal,
            @Parameter(description = "Fully nested services") @QueryParam("full") Boolean full,
            @Parameter(description = "A postal code the services cover (their service areas, or their locations)")
                    @QueryParam("postcode")
                    String postcode,
            @Parameter(description = "Metres from the postcode's centroid to a location of the service")
                    @QueryParam("proximity")
                    String proximity) {
        HsdsParameters.format(format);
        return hsds.services(
                filter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode, proximity),
                HsdsParameters.serviceShape(minimal, full),
                HsdsParameters.paging(page, perPage));
    }

    @GET
    @Path("/services/{id}")
    @Operation(summary = "A fully nested service")
    @APIResponse(responseCode = "200", description = "The service")
    @APIResponse(responseCode = "404", description = "No such service")
    public Uni<String> service(@PathParam("id") String id) {
        return hsds.service(id);
    }

    @GET
    @Path("/organizations")
    @Operation(summary = "Organizations, by id, in the HSDS paging envelope")
    @APIResponse(responseCode = "200", description = "A page of organizations")
    @APIResponse(responseCode = "400", description = "A bad parameter (named in errors[].field)")
    public Uni<String> organizations(
            @Parameter(description = "Full-text search over name, alternate_name and description") @QueryParam("search")
                    String search,
            @Parameter(description = "Fully nested organizations with fully nested services")
                    @QueryParam("full_service")
                    Boolean fullService,
            @Parameter(description = "Fully nested organizations (phones, locations, attributes, services)")
                    @QueryParam("full")
                    Boolean full,
            @Parameter(description = "Organizations tagged (or with a service tagged) with this taxonomy term")
                    @QueryParam("taxonomy_term_id")
                    String taxonomyTermId,
            @Parameter(description = "Organizations tagged (or with a service tagged) with a term of this taxonomy")
                    @QueryParam("taxonomy_id")
                    String taxonomyId,
            @Parameter(description = "Page number, from 1 (default 1)") @QueryParam("page") Integer page,
            @Parameter(description = "Organizations per page, 1 to 200 (default 50)") @QueryParam("per_page")
                    Integer perPage,
            @Parameter(description = "Only json (the default)") @QueryParam("format") String format) {
        HsdsParameters.format(format);
        return hsds.organizations(
                filter(search, taxonomyTermId, taxonomyId, null, null, null, null),
                HsdsParameters.organizationShape(full, fullService),
                HsdsParameters.paging(page, perPage));
    }

    @GET
    @Path("/organizations/{id}")
    @Operation(summary = "An organization with its phones, locations, attributes and services")
    @APIResponse(responseCode = "200", description = "The organization")
    @APIResponse(responseCode = "404", description = "No such organization")
    public Uni<String> organization(
            @PathParam("id") String id,
            @Parameter(description = "Fully nested services (default: their one-to-one fields)")
                    @QueryParam("full_service")
                    Boolean fullService) {
        return hsds.organization(id, Boolean.TRUE.equals(fullService));
    }

    @GET
    @Path("/taxonomies")
    @Operation(summary = "Taxonomies, by id, in the HSDS paging envelope")
    @APIResponse(responseCode = "200", description = "A page of taxonomies")
    @APIResponse(responseCode = "400", description = "A bad parameter (named in errors[].field)")
    public Uni<String> taxonomies(
            @Parameter(description = "Text in name or description (case-insensitive)") @QueryParam("search")
                    String search,
            @Parameter(description = "Page number, from 1 (default 1)") @QueryParam("page") Integer page,
            @Parameter(description = "Taxonomies per page, 1 to 200 (default 50)") @QueryParam("per_page")
                    Integer perPage,
            @Parameter(description = "Only json (the default)") @QueryParam("format") String format) {
        HsdsParameters.format(format);
        return hsds.taxonomies(HsdsParameters.search(search), HsdsParameters.paging(page, perPage));
    }

    @GET
    @Path("/taxonomies/{id}")
    @Operation(summary = "A taxonomy")
    @APIResponse(responseCode = "200", description = "The taxonomy")
    @APIResponse(responseCode = "404", description = "No such taxonomy")
    public Uni<String> taxonomy(@PathParam("id") String id) {
        return hsds.taxonomy(id);
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(summary = "Taxonomy terms, by id, in the HSDS paging envelope")
    @APIResponse(responseCode = "200", description = "A page of taxonomy terms")
    @APIResponse(responseCode = "400", description = "A bad parameter (named in errors[].field)")
    public Uni<String> taxonomyTerms(
            @Parameter(description = "Text in name, code or description (case-insensitive)") @QueryParam("search")
                    String search,
            @Parameter(description = "Page number, from 1 (default 1)") @QueryParam("page") Integer page,
            @Parameter(description = "Terms per page, 1 to 200 (default 50)") @QueryParam("per_page") Integer perPage,
            @Parameter(description = "Only json (the default)") @QueryParam("format") String format,
            @Parameter(description = "Terms of this taxonomy") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "Only top-level terms (without a parent)") @QueryParam("top_only") Boolean topOnly,
            @Parameter(description = "Terms whose parent is this term") @QueryParam("parent_id") String parentId) {
        HsdsParameters.format(format);
        return hsds.taxonomyTerms(
                HsdsParameters.search(search),
                HsdsParameters.id("taxonomy_id", taxonomyId),
                HsdsParameters.id("parent_id", parentId),
                Boolean.TRUE.equals(topOnly),
                HsdsParameters.paging(page, perPage));
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Operation(summary = "A taxonomy term, with its taxonomy")
    @APIResponse(responseCode = "200", description = "The taxonomy term")
    @APIResponse(responseCode = "404", description = "No such taxonomy term")
    public Uni<String> taxonomyTerm(@PathParam("id") String id) {
        return hsds.taxonomyTerm(id);
    }

    @GET
    @Path("/service_at_locations")
    @Operation(summary = "Services at locations, by id (nearest first with a proximity), in the HSDS paging envelope")
    @APIResponse(responseCode = "200", description = "A page of service_at_locations")
    @APIResponse(responseCode = "400", description = "A bad parameter (named in errors[].field)")
    public Uni<String> serviceAtLocations(
            @Parameter(description = "Full-text search over the service (as for /services)") @QueryParam("search")
                    String search,
            @Parameter(description = "Whose service is tagged with this taxonomy term") @QueryParam("taxonomy_term_id")
                    String taxonomyTermId,
            @Parameter(description = "Whose service is tagged with a term of this taxonomy") @QueryParam("taxonomy_id")
                    String taxonomyId,
            @Parameter(description = "Whose service is of this organization") @QueryParam("organization_id")
                    String organizationId,
            @Parameter(description = "Whose service or location changed at or after this ISO-8601 date-time")
                    @QueryParam("modified_after")
                    String modifiedAfter,
            @Parameter(description = "Fully nested (location, phones, schedules, service areas)") @QueryParam("full")
                    Boolean full,
            @Parameter(description = "Page number, from 1 (default 1)") @QueryParam("page") Integer page,
            @Parameter(description = "Entries per page, 1 to 200 (default 50)") @QueryParam("per_page") Integer perPage,
            @Parameter(description = "Only json (the default)") @QueryParam("format") String format,
            @Parameter(description = "A postal code the service covers (its service areas, or the location)")
                    @QueryParam("postcode")
                    String postcode,
            @Parameter(description = "Metres from the postcode's centroid to the location") @QueryParam("proximity")
                    String proximity) {
        HsdsParameters.format(format);
        return hsds.serviceAtLocations(
                filter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode, proximity),
                Boolean.TRUE.equals(full) ? HsdsShape.FULL : HsdsShape.BRIEF,
                HsdsParameters.paging(page, perPage));
    }

    @GET
    @Path("/service_at_locations/{id}")
    @Operation(summary = "A fully nested service_at_location")
    @APIResponse(responseCode = "200", description = "The service_at_location")
    @APIResponse(responseCode = "404", description = "No such service_at_location")
    public Uni<String> serviceAtLocation(@PathParam("id") String id) {
        return hsds.serviceAtLocation(id);
    }

    private static HsdsFilter filter(
            String search,
            String taxonomyTermId,
            String taxonomyId,
            String organizationId,
            String modifiedAfter,
            String postcode,
            String proximity) {
        String code = HsdsParameters.postcode(postcode);
        return new HsdsFilter(
                HsdsParameters.search(search),
                HsdsParameters.id("taxonomy_term_id", taxonomyTermId),
                HsdsParameters.id("taxonomy_id", taxonomyId),
                HsdsParameters.id("organization_id", organizationId),
                HsdsParameters.modifiedAfter(modifiedAfter),
                code == null ? null : new PostalCode(null, code),
                HsdsParameters.proximity(proximity, code));
    }
}
