package org.careloop.directory.matching.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.referral.MatchRequested;
import org.careloop.directory.matching.service.MatchingService;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Answers every match request of the referral service with a fresh match, once per event id. */
@ApplicationScoped
public class MatchRequestedConsumer {

    public static final String CHANNEL = Topics.MATCH_REQUESTED;

    private final IdempotentConsumer idempotentConsumer;
    private final MatchingService matching;

    public MatchRequestedConsumer(IdempotentConsumer idempotentConsumer, MatchingService matching) {
        this.idempotentConsumer = idempotentConsumer;
        this.matching = matching;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onMatchRequested(Message<String> message) {
        return idempotentConsumer.consume(
                message,
                EventTypes.MATCH_REQUESTED,
                MatchRequested.class,
                event -> matching.matchRequest(event.data()));
    }
}
