package org.careloop.contracts.screening;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codes.ConsentStatusCodes;

/**
 * Data of {@code consent-changed}: a person's consent to share their needs was recorded, revoked or expired. Keyed by
 * the person reference, so that the changes of one person arrive in order. Consumers stop sharing at once when the
 * consent no longer covers a recipient (open referrals are cancelled).
 *
 * @param consentId the decision's id in the screening service
 * @param personRef the person's pseudonymous reference, as {@code patientId} carries it on the other events
 * @param requesterOrganizationId the clinic that recorded the decision
 * @param status {@code active}, {@code revoked}, {@code expired} or {@code refused}, see {@code ConsentStatusCodes}
 * @param recipients the community organizations an active decision covers; null for all of them
 * @param validUntil when an active decision ends; null when it does not expire
 * @param changedAt when the decision took this status
 * @param version increases with every change of the decision (consumers ignore an older version)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentChanged(
        @NotNull UUID consentId,
        @NotBlank String personRef,
        @NotBlank String requesterOrganizationId,

        @NotBlank @Pattern(regexp = ConsentStatusCodes.PATTERN, message = "must be a consent status code")
        String status,

        List<@NotBlank String> recipients,
        Instant validUntil,
        @NotNull Instant changedAt,
        long version) {

    /** Whether the decision lets {@code organizationId} receive the person's needs. */
    public boolean covers(String organizationId) {
        return ConsentStatusCodes.permits(status) && (recipients == null || recipients.contains(organizationId));
    }
}
