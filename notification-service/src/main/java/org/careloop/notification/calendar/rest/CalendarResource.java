package org.careloop.notification.calendar.rest;

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
import org.careloop.notification.calendar.service.CalendarService;
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

/** Coordinators and operators manage business calendars: the default and organizations' own. */
@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR})
@Tag(name = "Calendars", description = "Business calendars: time zone, working days and holidays of organizations")
public class CalendarResource {

    private final CalendarService service;
    private final Caller caller;

    public CalendarResource(CalendarService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List stored calendars, the default first, then by organization id")
    @APIResponse(responseCode = "200", description = "One page of calendars")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<Page<CalendarView>> list(@BeanParam @Valid PageRequest page) {
        return service.list(page).map(p -> p.map(CalendarView::of));
    }

    @GET
    @Path("/default")
    @Operation(summary = "Get the default calendar")
    @APIResponse(responseCode = "200", description = "The default calendar")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<CalendarView> getDefault() {
        return service.getDefault().map(CalendarView::of);
    }

    @PUT
    @Path("/default")
    @Operation(
            summary = "Replace the default calendar",
            description = "Fields left out keep their value. Chases already scheduled keep their times.")
    @APIResponse(responseCode = "200", description = "The default calendar after the change")
    @APIResponse(
            responseCode = "400",
            description = "Unknown zone, no working day, unknown day or a malformed date; errors[].field names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<CalendarView> putDefault(@NotNull CalendarRequest request) {
        return service.putDefault(request.draft(), caller.name()).map(CalendarView::of);
    }

    @GET
    @Path("/organizations/{organizationId}")
    @Operation(
            summary = "Get the calendar that applies to an organization",
            description = "Its own calendar (scope organization), or the default (scope default).")
    @APIResponse(responseCode = "200", description = "The calendar that applies")
    @APIResponse(
            responseCode = "404",
            description = "The directory does not know the organization; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<CalendarView> get(
            @PathParam("organizationId") @Parameter(description = "HSDS organization id") String organizationId) {
        return service.get(organizationId).map(CalendarView::of);
    }

    @PUT
    @Path("/organizations/{organizationId}")
    @Operation(
            summary = "Set an organization's own calendar",
            description = "Fields left out take the default calendar's current values. Applies to chases scheduled"
                    + " from now on.")
    @APIResponse(responseCode = "200", description = "The organization's calendar after the change")
    @APIResponse(
            responseCode = "400",
            description = "Unknown zone, no working day, unknown day or a malformed date; errors[].field names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "The directory does not know the organization; errors[].field = organizationId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<CalendarView> put(
            @PathParam("organizationId") @Parameter(description = "HSDS organization id") String organizationId,
            @NotNull CalendarRequest request) {
        return service.put(organizationId, request.draft(), caller.name()).map(CalendarView::of);
    }

    @DELETE
    @Path("/organizations/{organizationId}")
    @Operation(summary = "Remove an organization's own calendar: the default applies again")
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
