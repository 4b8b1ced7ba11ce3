package org.careloop.referral.consent.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.screening.ConsentChanged;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.careloop.referral.consent.service.ConsentService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Applies the screening service's consent decisions once per event: the replica is updated and the person's open
 * referrals that the decision no longer covers are cancelled; bad records go to {@code dlq.referral-service}.
 */
@ApplicationScoped
public class ConsentChangedConsumer {

    public static final String CHANNEL = Topics.CONSENT_CHANGED;

    private final IdempotentConsumer idempotentConsumer;
    private final ConsentService service;

    public ConsentChangedConsumer(IdempotentConsumer idempotentConsumer, ConsentService service) {
        this.idempotentConsumer = idempotentConsumer;
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onConsentChanged(Message<String> message) {
        return idempotentConsumer.consume(
                message,
                EventTypes.CONSENT_CHANGED,
                ConsentChanged.class,
                event -> service.apply(event.data(), event.source()));
    }
}
