package org.careloop.referral.review.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of declining a draft at review.
 *
 * @param reason why, in the clinic's words; kept in the referral's history and API, never published on events
 */
public record DeclineRequest(
        @Size(max = 500, message = "must be at most 500 characters")
        @Schema(
                description = "Why the person and the clinic decided not to send it",
                examples = "Prefers to call later")
        String reason) {}
