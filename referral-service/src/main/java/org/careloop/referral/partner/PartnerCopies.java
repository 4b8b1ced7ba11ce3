package org.careloop.referral.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careloop.contracts.Topics;
import org.careloop.contracts.referral.PartnerReferralUpdate;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralStatus;

/**
 * Which organizations' integrators hear of a referral change, and what they are told; pure Java. The requesting
 * clinic hears of every change; the owner organization once the referral was sent to it (never of a draft, which is
 * the clinic's proposal). Each copy carries ids, codes, statuses and times, never free text.
 */
public final class PartnerCopies {

    private PartnerCopies() {}

    /** One copy: the topic it goes to and its data. */
    public record Copy(String topic, PartnerReferralUpdate data) {}

    /**
     * The copies of one change.
     *
     * @param referral the referral after the change
     * @param previous its status before, null on creation
     * @param prefix the partner topics' prefix
     * @return the copies, requester first; an organization whose id cannot name a topic gets none
     */
    public static List<Copy> of(Referral referral, ReferralStatus previous, String prefix) {
        List<Copy> copies = new ArrayList<>();
        topic(prefix, referral.requesterOrganizationId())
                .ifPresent(topic ->
                        copies.add(new Copy(topic, data(referral, previous, PartnerReferralUpdate.REQUESTER))));
        String owner = referral.ownerOrganizationId();
        if (referral.disclosed() && owner != null && !owner.equals(referral.requesterOrganizationId())) {
            topic(prefix, owner)
                    .ifPresent(topic ->
                            copies.add(new Copy(topic, data(referral, previous, PartnerReferralUpdate.OWNER))));
        }
        return copies;
    }

    /** The organization's referral topic, empty when its id cannot be part of a topic name. */
    public static Optional<String> topic(String prefix, String organizationId) {
        try {
            return Optional.of(Topics.partnerReferrals(prefix, organizationId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static PartnerReferralUpdate data(Referral r, ReferralStatus previous, String audience) {
        boolean sent = r.disclosed();
        return new PartnerReferralUpdate(
                r.id(),
                r.version(),
                audience,
                r.status().code(),
                previous == null ? null : previous.code(),
                r.statusReasonCode(),
                r.outcome(),
                r.screeningId(),
                r.needId(),
                r.patientId(),
                r.category(),
                r.requesterOrganizationId(),
                sent ? r.ownerOrganizationId() : null,
                sent ? r.serviceId() : null,
                r.attempt(),
                r.previousReferralId(),
                r.changedByRole(),
                r.doNotContact(),
                r.requestedAt(),
                r.updatedAt());
    }
}
