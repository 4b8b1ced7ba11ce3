package org.careloop.notification.chase.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.chase.service.ReferralChaseService;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Opens and closes acknowledgement deadlines and schedules and cancels chase timers from referral status changes. */
@ApplicationScoped
public class ReferralUpdatedConsumer {

    /** Channel and topic name. */
    public static final String CHANNEL = Topics.REFERRAL_UPDATED;

    private final IdempotentConsumer idempotentConsumer;
    private final ReferralChaseService service;

    public ReferralUpdatedConsumer(IdempotentConsumer idempotentConsumer, ReferralChaseService service) {
        this.idempotentConsumer = idempotentConsumer;
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onReferralUpdated(Message<String> message) {
        return idempotentConsumer.consume(
                message, EventTypes.REFERRAL_UPDATED, ReferralUpdated.class, event -> service.apply(event.data())
                        .replaceWithVoid());
    }
}
