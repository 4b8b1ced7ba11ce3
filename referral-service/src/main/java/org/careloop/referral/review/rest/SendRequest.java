package org.careloop.referral.review.rest;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of sending a reviewed draft.
 *
 * @param serviceId where to send it instead of the proposed service: one of the need's ranked candidates or any
 *     active service the directory lists, within the person's consent; null or absent to send it as proposed
 */
public record SendRequest(
        @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a directory service id ([a-z0-9-], 1 to 64)")
        @Schema(
                description = "Another service than the proposed one; leave out to send as proposed",
                examples = "svc-northside-pantry")
        String serviceId) {}
