package org.careloop.referral.lifecycle.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.careloop.referral.lifecycle.service.ReferralService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Turns the directory's matches into referrals, once per event; bad records go to {@code dlq.referral-service}. */
@ApplicationScoped
public class NeedsMatchedConsumer {

    public static final String CHANNEL = Topics.NEEDS_MATCHED;

    private final IdempotentConsumer idempotentConsumer;
    private final ReferralService service;

    public NeedsMatchedConsumer(IdempotentConsumer idempotentConsumer, ReferralService service) {
        this.idempotentConsumer = idempotentConsumer;
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onNeedsMatched(Message<String> message) {
        return idempotentConsumer.consume(
                message,
                EventTypes.NEEDS_MATCHED,
                NeedsMatched.class,
                event -> service.createReferrals(event.data(), event.source()));
    }
}
