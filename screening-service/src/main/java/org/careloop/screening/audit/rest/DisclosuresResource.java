package org.careloop.screening.audit.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Roles;
import org.careloop.screening.audit.repository.AuditRepository;
import org.careloop.screening.person.rest.PersonApi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's disclosure history, for a privacy request (operators). */
@Path("/api/v1/people/{personRef}/disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Append-only log of every read of a person's details and every change of consent")
public class DisclosuresResource {

    private final AuditRepository audit;

    public DisclosuresResource(AuditRepository audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @WithSession
    @Operation(
            summary = "A person's disclosure history, for a privacy request",
            description = "Every read of the person's details (who, which organization, which referral, why, when,"
                    + " allowed or denied) and every change of their consent, newest first.")
    @APIResponse(responseCode = "200", description = "One page of audited acts about the person")
    public Uni<Page<AuditView>> disclosures(
            @PathParam("personRef") @Pattern(regexp = PersonApi.REF_PATTERN, message = PersonApi.REF_MESSAGE)
                    String personRef,
            @BeanParam @Valid PageRequest page) {
        return audit.list(new AuditRepository.Filter(personRef, null, null, null, null, null), page)
                .map(p -> p.map(AuditView::of));
    }
}
