package org.careloop.referral.routing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of an assignment from the work queue.
 *
 * @param serviceId the HSDS service the need goes to; the referral is assigned to the organization that runs it
 */
public record AssignRequest(
        @NotBlank
        @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a directory service id ([a-z0-9-], 1 to 64)")
        @Schema(examples = "svc-transit-rides")
        String serviceId) {}
