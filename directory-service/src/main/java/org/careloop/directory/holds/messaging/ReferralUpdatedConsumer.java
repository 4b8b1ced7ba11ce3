package org.careloop.directory.holds.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.directory.holds.service.ReferralEventService;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Moves held places and learns responsiveness from every referral change, once per event id. */
@ApplicationScoped
public class ReferralUpdatedConsumer {

    public static final String CHANNEL = Topics.REFERRAL_UPDATED;

    private final IdempotentConsumer idempotentConsumer;
    private final ReferralEventService referrals;

    public ReferralUpdatedConsumer(IdempotentConsumer idempotentConsumer, ReferralEventService referrals) {
        this.idempotentConsumer = idempotentConsumer;
        this.referrals = referrals;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onReferralUpdated(Message<String> message) {
        return idempotentConsumer.consume(
                message, EventTypes.REFERRAL_UPDATED, ReferralUpdated.class, event -> referrals.apply(event.data()));
    }
}
