package org.careloop.referral.lifecycle.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.referral.lifecycle.Actor;
import org.careloop.referral.lifecycle.ReferralCriteria;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.lifecycle.service.ReferralService;
import org.careloop.referral.review.rest.CandidatesView;
import org.careloop.referral.review.rest.DeclineRequest;
import org.careloop.referral.review.rest.SendRequest;
import org.careloop.referral.review.service.ReviewService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Referrals for clinics, community organizations and coordinators; each caller sees only their own. */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Referral lifecycle (HL7 SDOHCC Task for Referral Management statuses)")
public class ReferralResource {

    private final ReferralService service;
    private final ReviewService review;
    private final Caller caller;

    public ReferralResource(ReferralService service, ReviewService review, Caller caller) {
        this.service = service;
        this.review = review;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR, Roles.CBO_STAFF, Roles.CLINIC})
    @Operation(
            summary = "List referrals, newest first",
            description = "Coordinators and operators see every referral, community organization staff the referrals"
                    + " assigned to their organization, clinics the referrals they requested.")
    @APIResponse(responseCode = "200", description = "One page of referrals")
    @APIResponse(
            responseCode = "400",
            description = "Invalid filter or paging parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<ReferralView>> list(
            @QueryParam("status")
                    @Parameter(
                            description = "Only these status codes; repeat the parameter or separate codes by commas")
                    List<String> status,
            @QueryParam("screeningId") @Parameter(description = "Only referrals of this screening") String screeningId,
            @QueryParam("needId") @Parameter(description = "Only the attempts at this need") String needId,
            @BeanParam @Valid PageRequest page) {
        ReferralCriteria criteria = new ReferralCriteria(
                actor(), statuses(status), uuid("screeningId", screeningId), uuid("needId", needId));
        return service.search(criteria, page).map(p -> p.map(ReferralView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR, Roles.CBO_STAFF, Roles.CLINIC})
    @Operation(summary = "Get a referral")
    @APIResponse(responseCode = "200", description = "The referral")
    @APIResponse(
            responseCode = "404",
            description = "Unknown, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReferralView> get(@PathParam("id") UUID id) {
        return service.find(id, actor()).map(ReferralView::of);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.COORDINATOR, Roles.OPERATOR, Roles.CBO_STAFF, Roles.CLINIC})
    @Operation(summary = "Status history of a referral, oldest change first")
    @APIResponse(responseCode = "200", description = "One page of status changes")
    @APIResponse(
            responseCode = "404",
            description = "Unknown, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<StatusChangeView>> history(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return service.history(id, actor(), page).map(p -> p.map(StatusChangeView::of));
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.CBO_STAFF, Roles.CLINIC, Roles.COORDINATOR})
    @Operation(
            summary = "Change the status of a referral",
            description = "The owner organization may set accepted, rejected, in-progress, on-hold, failed, completed"
                    + " and cancelled; the requesting clinic cancelled and entered-in-error; coordinators any status"
                    + " the lifecycle allows. A reason (text or reasonCode) is required for rejected, cancelled,"
                    + " failed and on-hold; an outcome may be given with completed. A rejection re-routes the need to"
                    + " another organization at once (a new referral, attempt + 1); a coordinator's cancellation with"
                    + " reasonCode reassigned puts the need in the work queue.")
    @APIResponse(responseCode = "200", description = "The referral after the change")
    @APIResponse(
            responseCode = "400",
            description = "Unknown status, reason code or outcome, a required reason is missing, or an outcome"
                    + " without completed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The caller's role may not set this status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The lifecycle does not allow this change now, or a concurrent change won",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReferralView> changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChangeRequest request) {
        ReferralStatus to = ReferralStatus.fromCode(request.status()).orElseThrow();
        return service.changeStatus(
                        id,
                        new ReferralService.StatusChange(to, request.reason(), request.reasonCode(), request.outcome()),
                        actor())
                .map(ReferralView::of);
    }

    @GET
    @Path("/{id}/candidates")
    @RolesAllowed({Roles.CLINIC, Roles.COORDINATOR})
    @Operation(
            summary = "The ranked candidates of a referral's need, to review a draft",
            description = "Every service the directory offered for the need, in its order, with whether the referral"
                    + " proposes it, whether an earlier attempt went to its organization and whether the person's"
                    + " consent covers it. For the requesting clinic and coordinators.")
    @APIResponse(responseCode = "200", description = "The candidates")
    @APIResponse(
            responseCode = "404",
            description = "Unknown, or not the caller's (a clinic sees only the referrals it requested)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CandidatesView> candidates(@PathParam("id") UUID id) {
        return review.candidates(id, actor()).map(CandidatesView::of);
    }

    @POST
    @Path("/{id}/send")
    @RolesAllowed(Roles.CLINIC)
    @Operation(
            summary = "Send a draft the clinic reviewed with the person",
            description = "draft -> requested, by the requester: to the proposed service, or to another one (a"
                    + " candidate of the need or any active service the directory lists) that the person's consent"
                    + " covers. The organization is told and the acknowledgement clock starts now.")
    @APIResponse(responseCode = "200", description = "The referral, requested")
    @APIResponse(
            responseCode = "400",
            description = "Malformed serviceId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown referral or not the caller's; unknown serviceId (errors[].field = serviceId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not a draft (errors[].field = status); the service is not active or the person's consent"
                    + " does not cover its organization (errors[].field = serviceId); a concurrent change won",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReferralView> send(@PathParam("id") UUID id, @Valid @NotNull SendRequest request) {
        return review.send(id, request.serviceId(), actor()).map(ReferralView::of);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.CLINIC)
    @Operation(
            summary = "Decline a draft at review",
            description = "draft -> cancelled with statusReasonCode declined-at-review, by the requester; the need is"
                    + " closed and no other organization is tried. The reason text stays in the referral's history.")
    @APIResponse(responseCode = "200", description = "The referral, cancelled")
    @APIResponse(
            responseCode = "400",
            description = "Reason longer than 500 characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown, or not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not a draft (errors[].field = status), or a concurrent change won",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ReferralView> decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        return review.decline(id, request.reason(), actor()).map(ReferralView::of);
    }

    private Actor actor() {
        Actor actor = Actor.of(caller.name(), caller::hasRole, caller.organizationId());
        if (actor.organizationScoped()) {
            // Organization staff and clinics without an org_id claim have no scope at all: refuse, do not guess.
            caller.requireOrganizationId();
        }
        return actor;
    }

    private static Set<ReferralStatus> statuses(List<String> params) {
        Set<ReferralStatus> statuses = EnumSet.noneOf(ReferralStatus.class);
        if (params == null) {
            return statuses;
        }
        params.stream()
                .flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .forEach(code -> statuses.add(ReferralStatus.fromCode(code)
                        .orElseThrow(() -> ProblemException.badRequest(
                                "status",
                                "unknown status '" + code + "'; must be one of " + ReferralStatus.CODE_LIST))));
        return statuses;
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
