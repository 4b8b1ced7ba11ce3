package org.careloop.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 *
 * <p>The relay drives itself on a Vert.x timer rather than the Quarkus scheduler, whose intervals cannot go below one
 * second: while rounds find work it runs them back to back; when the outbox is empty it waits for the poll interval.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel; every record names its own topic. */
    public static final String CHANNEL = "careloop-outbox";

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private volatile boolean running;

    public OutboxRelay(
            OutboxRepository repository,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> emitter,
            OutboxConfig config,
            Vertx vertx,
            MeterRegistry meters) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config;
        this.vertx = vertx;
        this.meters = meters;
    }

    /** Starts after the messaging channels are wired (their observer runs at an earlier priority). */
    void start(@Observes StartupEvent event) {
        running = true;
        schedule(config.pollInterval().toMillis());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void schedule(long delayMillis) {
        if (running) {
            vertx.setTimer(Math.max(1, delayMillis), id -> round());
        }
    }

    private void round() {
        // Hibernate Reactive needs its own safe duplicated context for every unit of work.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay().subscribe()
                .with(
                        sent -> schedule(
                                sent >= config.batchSize()
                                        ? 0
                                        : config.pollInterval().toMillis()),
                        failure -> {
                            Log.warnf(failure, "Outbox relay round failed; retrying in %s", config.pollInterval());
                            schedule(config.pollInterval().toMillis());
                        }));
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
                .invoke(n -> {
                    Log.debugf("Relayed %d outbox events", n);
                    events.forEach(e -> meters.counter("careloop.outbox.relayed", "topic", e.topic)
                            .increment());
                })
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
