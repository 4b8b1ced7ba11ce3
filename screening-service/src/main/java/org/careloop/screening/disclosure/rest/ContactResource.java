package org.careloop.screening.disclosure.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Roles;
import org.careloop.screening.disclosure.service.ContactService;
import org.careloop.screening.person.rest.PersonApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contact details of a referred person, for the organization the referral is assigned to. */
@Path("/api/v1/referrals/{referralId}/contact")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contact", description = "How an organization reaches the person referred to it (audited)")
public class ContactResource {

    private final ContactService service;

    public ContactResource(ContactService service) {
        this.service = service;
    }

    @GET
    // Every caller may ask, so that every attempt is audited; only the assigned organization's staff are answered.
    @RolesAllowed({Roles.CLINIC, Roles.CBO_STAFF, Roles.COORDINATOR, Roles.OPERATOR, Roles.INTEGRATOR})
    @Operation(
            summary = "Read the contact details of the person a referral concerns",
            description = "Only the staff of the organization the referral is assigned to, only while it is"
                    + " requested, accepted, in progress or on hold, only with the person's consent covering the"
                    + " organization, and never when the person must not be contacted. Every request, allowed or"
                    + " not, is written to the audit log.")
    @APIResponse(responseCode = "200", description = "The contact details")
    @APIResponse(
            responseCode = "403",
            description = "Not now: the referral is not open, the consent does not cover the organization, or the"
                    + " person must not be contacted; detail says which",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown referral, one assigned to another organization, or a caller that is not staff of"
                    + " a community organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ContactView> get(
            @PathParam("referralId") UUID referralId,
            @QueryParam("purpose")
                    @Parameter(description = "Why the details are read, for the audit log")
                    @Pattern(regexp = PersonApi.PURPOSE_PATTERN, message = PersonApi.PURPOSE_MESSAGE)
                    String purpose) {
        return service.contact(referralId, purpose).map(disclosure -> {
            if (disclosure.decision().allowed()) {
                return ContactView.of(referralId, disclosure);
            }
            if (disclosure.decision().hidden()) {
                throw ProblemException.notFound("referralId", "Referral", referralId);
            }
            String reason = disclosure.decision().reason();
            throw new ProblemException(
                    403,
                    "disclosure-refused",
                    "Forbidden",
                    "Contact details are not disclosed: " + reason,
                    List.of(new Problem.FieldError("referralId", reason)));
        });
    }
}
