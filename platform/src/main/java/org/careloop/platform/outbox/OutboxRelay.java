package org.careloop.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.careloop.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes committed outbox rows to Kafka in insertion order and marks them sent in the same transaction that read
 * them. A crash after publishing but before commit republishes the rows; consumers deduplicate on {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel; every record names its own topic. */
    public static final String CHANNEL = "careloop-outbox";

    private final OutboxRepository repository;
    private final io.smallrye.reactive.messaging.MutinyEmitter<String> emitter;
    private final OutboxConfig config;

    public OutboxRelay(
            OutboxRepository repository,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    io.smallrye.reactive.messaging.MutinyEmitter<String> emitter,
            OutboxConfig config) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config;
    }

    @Scheduled(
            identity = "careloop-outbox-relay",
            every = "${careloop.outbox.poll-interval:250ms}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayScheduled() {
        return relay().onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf(failure, "Outbox relay round failed; it will be retried");
                    return 0;
                })
                .replaceWithVoid();
    }

    /** Publishes one batch; returns how many events were sent. */
    public Uni<Integer> relay() {
        return Panache.withTransaction(() -> repository.tryRelayLock().chain(locked -> {
            if (!locked) {
                return Uni.createFrom().item(0);
            }
            return repository.findUnsent(config.batchSize()).chain(this::publish);
        }));
    }

    private Uni<Integer> publish(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> sends = events.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().chain(() -> repository
                .markSent(events.stream().map(e -> e.id).toList(), Instant.now())
                .invoke(n -> Log.debugf("Relayed %d outbox events", n))
                .replaceWith(events.size()));
    }

    private Uni<Void> send(OutboxEvent event) {
        var headers = new RecordHeaders()
                .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0))
                .add(CloudEventHeaders.ID, bytes(event.eventId.toString()))
                .add(CloudEventHeaders.SOURCE, bytes(event.source))
                .add(CloudEventHeaders.TYPE, bytes(event.type))
                .add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(event.createdAt)))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        if (event.subject != null) {
            headers.add(CloudEventHeaders.SUBJECT, bytes(event.subject));
        }
        var metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.eventKey)
                .withHeaders(headers)
                .build();
        return emitter.sendMessage(Message.of(event.payload).addMetadata(metadata));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
