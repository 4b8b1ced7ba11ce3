package org.careloop.notification.organization.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.notification.organization.service.OrganizationService;
import org.careloop.platform.inbox.IdempotentConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Learns which organizations exist from the directory's capacity snapshots (a compacted topic). */
@ApplicationScoped
public class CapacityChangedConsumer {

    /** Channel and topic name. */
    public static final String CHANNEL = Topics.CAPACITY_CHANGED;

    private final IdempotentConsumer idempotentConsumer;
    private final OrganizationService service;

    public CapacityChangedConsumer(IdempotentConsumer idempotentConsumer, OrganizationService service) {
        this.idempotentConsumer = idempotentConsumer;
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onCapacityChanged(Message<String> message) {
        return idempotentConsumer.consume(
                message, EventTypes.CAPACITY_CHANGED, CapacityChanged.class, event -> service.apply(event.data())
                        .replaceWithVoid());
    }
}
