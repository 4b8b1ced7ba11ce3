package org.careloop.referral.lifecycle.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.careloop.referral.lifecycle.service.ReferralService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies notification-service's chases once per event: reminders and escalations are recorded on the referral, a
 * recall withdraws a referral nobody acknowledged and re-routes its need.
 */
@ApplicationScoped
public class ReferralChasedConsumer {

    public static final String CHANNEL = Topics.REFERRAL_CHASED;

    private final IdempotentConsumer idempotentConsumer;
    private final ReferralService service;

    public ReferralChasedConsumer(IdempotentConsumer idempotentConsumer, ReferralService service) {
        this.idempotentConsumer = idempotentConsumer;
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onReferralChased(Message<String> message) {
        return idempotentConsumer.consume(
                message,
                EventTypes.REFERRAL_CHASED,
                ReferralChased.class,
                event -> service.onChased(event.data(), event.source()));
    }
}
