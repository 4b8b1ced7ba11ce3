package org.careloop.referral.directory.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.careloop.referral.directory.service.KnownServiceService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps the replica of the directory's services from {@code capacity-changed}, once per event. */
@ApplicationScoped
public class CapacityChangedConsumer {

    public static final String CHANNEL = Topics.CAPACITY_CHANGED;

    private final IdempotentConsumer idempotentConsumer;
    private final KnownServiceService service;

    public CapacityChangedConsumer(IdempotentConsumer idempotentConsumer, KnownServiceService service) {
        this.idempotentConsumer = idempotentConsumer;
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onCapacityChanged(Message<String> message) {
        return idempotentConsumer.consume(
                message, EventTypes.CAPACITY_CHANGED, CapacityChanged.class, event -> service.apply(event.data()));
    }
}
