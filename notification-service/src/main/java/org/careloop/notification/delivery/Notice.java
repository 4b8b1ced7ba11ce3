package org.careloop.notification.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * One thing to tell one organization about one referral: the {@code data} of a webhook body and what an e-mail says.
 * Ids, codes, statuses, times and a link to the referral only: never a name, birth date, contact detail or free text.
 *
 * @param id the notice's id: the {@code webhook-id} of its webhook deliveries (the same on every retry and replay)
 * @param type what happened, see {@link NoticeTypes}
 * @param organizationId the organization told
 * @param audience whose notice it is: {@code requester} (the referring clinic) or {@code owner} (the organization
 *     the referral is sent to)
 * @param referralId the referral
 * @param needId the need the referral addresses
 * @param referralVersion the referral's version the notice is about
 * @param status SDOHCC Task status of the referral at that version
 * @param previousStatus the status before, null on creation or for a chase
 * @param statusReasonCode coded reason, see {@code StatusReasonCodes}, may be null
 * @param outcome coded outcome of a completed referral, see {@code OutcomeCodes}, else null
 * @param category SDOHCC category code
 * @param requesterOrganizationId the clinic that requested the referral
 * @param ownerOrganizationId the organization the referral is sent to, null while a draft
 * @param serviceId HSDS service id, null while a draft
 * @param attempt which attempt at the need the referral is
 * @param occurredAt when it happened (the change's {@code updatedAt}, or the chase's firing time)
 * @param referralUrl where the referral is read (authenticated)
 */
public record Notice(
        UUID id,
        String type,
        String organizationId,
        String audience,
        UUID referralId,
        UUID needId,
        long referralVersion,
        String status,
        String previousStatus,
        String statusReasonCode,
        String outcome,
        String category,
        String requesterOrganizationId,
        String ownerOrganizationId,
        String serviceId,
        Integer attempt,
        Instant occurredAt,
        URI referralUrl) {}
