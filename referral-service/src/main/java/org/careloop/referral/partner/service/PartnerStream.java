package org.careloop.referral.partner.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.partner.PartnerCopies;
import org.careloop.referral.partner.config.PartnerStreamConfig;

/**
 * Publishes each referral change to the integrators of the organizations concerned, through the transactional outbox
 * (in the transaction of the change): {@code partner-update} on {@code partner.<organization-id>.referrals}, keyed by
 * referral id. Integrators read only their own organization's topic, never the internal ones.
 */
@ApplicationScoped
public class PartnerStream {

    private final EventOutbox outbox;
    private final PartnerStreamConfig config;

    public PartnerStream(EventOutbox outbox, PartnerStreamConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Appends the copies of one change to the outbox; joins the caller's transaction. */
    public Uni<Void> publish(Referral referral, ReferralStatus previous) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PartnerCopies.Copy copy : PartnerCopies.of(referral, previous, config.topicPrefix())) {
            chain = chain.chain(() -> outbox.append(
                            copy.topic(),
                            EventTypes.PARTNER_UPDATE,
                            referral.id().toString(),
                            copy.data())
                    .replaceWithVoid());
        }
        return chain;
    }
}
