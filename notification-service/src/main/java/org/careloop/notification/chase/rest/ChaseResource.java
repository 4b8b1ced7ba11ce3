package org.careloop.notification.chase.rest;

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
import java.util.UUID;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.notification.chase.TimerKind;
import org.careloop.notification.chase.TimerState;
import org.careloop.notification.chase.repository.ChaseTimerRepository.Filter;
import org.careloop.notification.chase.service.ChaseQueryService;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
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

/** The record of chases: per referral (its owner organization may look too) and across referrals. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chases", description = "Reminders, escalations, recalls, outcome-update requests, contact-window warnings")
public class ChaseResource {

    private static final String STATES = "PENDING|FIRED|CANCELLED";
    private static final String KIND_LIST =
            "reminder, escalation, recall, outcome-update-requested, contact-window-warning";

    private final ChaseQueryService service;
    private final Caller caller;

    public ChaseResource(ChaseQueryService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/referrals/{referralId}/chases")
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR, Roles.CBO_STAFF})
    @Operation(
            summary = "The chases of a referral, earliest due first",
            description = "Pending, fired and cancelled. Community organization staff see the chases of referrals"
                    + " assigned to their organization only.")
    @APIResponse(responseCode = "200", description = "One page of chases")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown referral, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator, operator or community organization staff")
    public Uni<Page<ChaseView>> ofReferral(
            @PathParam("referralId") UUID referralId, @BeanParam @Valid PageRequest page) {
        String organization = null;
        if (!caller.hasRole(Roles.COORDINATOR) && !caller.hasRole(Roles.OPERATOR)) {
            // Community organization staff: scoped to their organization; a token without one sees nothing.
            organization = caller.requireOrganizationId();
        }
        return service.ofReferral(referralId, organization, page).map(p -> p.map(ChaseView::of));
    }

    @GET
    @Path("/chases")
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR})
    @Operation(summary = "Chases across referrals, latest due first")
    @APIResponse(responseCode = "200", description = "One page of chases")
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter or paging parameter; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Not a coordinator or operator")
    public Uni<Page<ChaseView>> search(
            @QueryParam("kind")
                    @Parameter(
                            description = "Only chases of this kind",
                            schema =
                                    @Schema(
                                            enumeration = {
                                                "reminder",
                                                "escalation",
                                                "recall",
                                                "outcome-update-requested",
                                                "contact-window-warning"
                                            }))
                    @Pattern(regexp = ReferralChased.KINDS, message = "must be a chase kind: " + KIND_LIST)
                    String kind,
            @QueryParam("state")
                    @Parameter(
                            description = "Only chases in this state",
                            schema = @Schema(enumeration = {"PENDING", "FIRED", "CANCELLED"}))
                    @Pattern(regexp = STATES, message = "must be one of PENDING, FIRED, CANCELLED")
                    String state,
            @QueryParam("referralId") @Parameter(description = "Only chases of this referral") String referralId,
            @QueryParam("organizationId") @Parameter(description = "Only chases of this organization's referrals")
                    String organizationId,
            @BeanParam @Valid PageRequest page) {
        Filter filter = new Filter(
                uuid("referralId", referralId),
                kind == null ? null : TimerKind.ofChaseKind(kind).orElseThrow(),
                state == null ? null : TimerState.valueOf(state),
                organizationId == null || organizationId.isBlank() ? null : organizationId.strip());
        return service.search(filter, page).map(p -> p.map(ChaseView::of));
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }
}
