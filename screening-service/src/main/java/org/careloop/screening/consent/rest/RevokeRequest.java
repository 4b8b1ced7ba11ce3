package org.careloop.screening.consent.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of a revocation.
 *
 * @param reason why the person withdrew their consent, in the clinic's words (kept here, never on an event)
 */
public record RevokeRequest(
        @NotBlank
        @Size(max = 500)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        @Schema(examples = "The person asked us to stop sharing")
        String reason) {}
