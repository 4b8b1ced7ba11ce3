package org.careloop.screening.disclosure.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.careloop.screening.disclosure.service.ContactService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Learns which organization each referral is assigned to, and whether it is open, from the referral service. */
@ApplicationScoped
public class ReferralUpdatedConsumer {

    /** Channel and topic name. */
    public static final String CHANNEL = Topics.REFERRAL_UPDATED;

    private final IdempotentConsumer idempotentConsumer;
    private final ContactService service;

    public ReferralUpdatedConsumer(IdempotentConsumer idempotentConsumer, ContactService service) {
        this.idempotentConsumer = idempotentConsumer;
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onReferralUpdated(Message<String> message) {
        return idempotentConsumer.consume(
                message, EventTypes.REFERRAL_UPDATED, ReferralUpdated.class, event -> service.apply(event.data()));
    }
}
