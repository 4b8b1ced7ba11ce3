package org.careloop.directory.matching.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.careloop.directory.matching.service.MatchingService;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Matches the needs of every completed screening, once per event id. */
@ApplicationScoped
public class ScreeningCompletedConsumer {

    public static final String CHANNEL = Topics.SCREENING_COMPLETED;

    private final IdempotentConsumer idempotentConsumer;
    private final MatchingService matching;

    public ScreeningCompletedConsumer(IdempotentConsumer idempotentConsumer, MatchingService matching) {
        this.idempotentConsumer = idempotentConsumer;
        this.matching = matching;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onScreeningCompleted(Message<String> message) {
        return idempotentConsumer.consume(
                message,
                EventTypes.SCREENING_COMPLETED,
                ScreeningCompleted.class,
                event -> matching.matchScreening(event.data()));
    }
}
