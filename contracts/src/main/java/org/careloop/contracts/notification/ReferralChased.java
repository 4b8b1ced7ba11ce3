package org.careloop.contracts.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.codes.ChaseKinds;

/**
 * Data of {@code referral-chased}: the notification service chased a referral: a reminder to the owner, an
 * escalation to coordinators, a recall, a request for an outcome update or a warning that the contact window is about
 * to close. The referral service acts on recalls (withdraws and re-routes the referral) and marks reminders and
 * escalations; integrators may act on any. Ids and codes only.
 *
 * @param chaseId id of this chase (the timer that fired)
 * @param referralId the referral chased (the event key)
 * @param needId the need the referral addresses
 * @param kind what the chase is, see {@code ChaseKinds}
 * @param referralVersion the referral version the chase was scheduled for; a referral that changed since may ignore
 *     it
 * @param ownerOrganizationId the organization the referral is assigned to
 * @param requesterOrganizationId the clinic that requested it
 * @param category SDOHCC category code
 * @param dueAt when the chase was due
 * @param firedAt when it fired (later than {@code dueAt} after downtime)
 * @param policy which acknowledgement policy applied: {@code default} or {@code organization}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralChased(
        @NotNull UUID chaseId,
        @NotNull UUID referralId,
        UUID needId,

        @NotBlank @Pattern(regexp = KINDS, message = "must be a chase kind")
        String kind,

        @Positive long referralVersion,
        String ownerOrganizationId,
        @NotBlank String requesterOrganizationId,
        @NotBlank String category,
        @NotNull Instant dueAt,
        @NotNull Instant firedAt,
        @NotBlank String policy) {

    public static final String KINDS = ChaseKinds.REMINDER + "|" + ChaseKinds.ESCALATION + "|" + ChaseKinds.RECALL + "|"
            + ChaseKinds.OUTCOME_UPDATE_REQUESTED + "|" + ChaseKinds.CONTACT_WINDOW_WARNING;
}
