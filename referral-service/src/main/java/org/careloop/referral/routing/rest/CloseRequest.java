package org.careloop.referral.routing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of closing a need from the work queue.
 *
 * @param reason why nobody will be referred for it any more
 */
public record CloseRequest(
        @NotBlank
        @Size(max = 500, message = "must be at most 500 characters")
        @Schema(examples = "The person found help on their own")
        String reason) {}
