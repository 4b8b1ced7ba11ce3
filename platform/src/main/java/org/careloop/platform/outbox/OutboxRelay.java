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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.careloop.platform.events.CloudEventHeaders;
import org.careloop.platform.failure.Failures;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Publishes committed outbox rows to Kafka in insertion order and marks them sent in the same transaction that read
 * them. A crash after publishing but before commit republishes the rows; consumers deduplicate on {@code ce_id}. A row
 * the broker keeps refusing is parked after {@code careloop.outbox.max-attempts} failures and reported, so it does not
 * hold up the rest.
 *
 * <p>Topics under {@code careloop.outbox.created-topics.prefixes} are created before their first row is sent
 * ({@link OutboxTopics}).
 *
 * <p>The relay drives itself on a Vert.x timer rather than the Quarkus scheduler, whose intervals cannot go below one
 * second: while rounds find work it runs them back to back; when the outbox is empty it waits for the poll interval.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel; every record names its own topic. */
    public static final String CHANNEL = "careloop-outbox";

    /** Counter of events published, tagged {@code topic}. */
    public static final String RELAYED_METRIC = "careloop.outbox.relayed";

    /** Counter of rows parked after too many failed attempts, tagged {@code topic}. */
    public static final String PARKED_METRIC = "careloop.outbox.parked.events";

    private final OutboxRepository repository;
    private final OutboxTopics topics;
    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Vertx vertx;
    private final MeterRegistry meters;
    private volatile boolean running;

    public OutboxRelay(
            OutboxRepository repository,
            OutboxTopics topics,
            @Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
                    MutinyEmitter<String> emitter,
            OutboxConfig config,
            Vertx vertx,
            MeterRegistry meters) {
        this.repository = repository;
        this.topics = topics;
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

    /**
     * Sends a batch and settles each row on its own: sent rows are marked, a failed row counts an attempt and is parked
     * when it has failed too often, so one record the broker keeps refusing no longer holds up the others. A row whose
     * key had an earlier failure in the batch is not marked sent even if it went out: it is sent again after the failed
     * one, and consumers drop the repeat by its event id. When every send failed because the broker is unreachable,
     * no attempt is counted.
     */
    private Uni<Integer> publish(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Throwable>> sends = events.stream()
                .map(e -> send(e).replaceWith((Throwable) null).onFailure().recoverWithItem(f -> f))
                .toList();
        return Uni.join().all(sends).andFailFast().chain(results -> settle(events, results));
    }

    private Uni<Integer> settle(List<OutboxEvent> events, List<Throwable> results) {
        Instant now = Instant.now();
        List<Long> sent = new ArrayList<>();
        List<OutboxEvent> failed = new ArrayList<>();
        Set<String> failedKeys = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            OutboxEvent event = events.get(i);
            String key = event.topic + "|" + event.eventKey;
            Throwable failure = results.get(i);
            if (failure != null) {
                failed.add(event);
                failedKeys.add(key);
                event.lastError = describe(failure);
            } else if (!failedKeys.contains(key)) {
                sent.add(event.id);
                meters.counter(RELAYED_METRIC, "topic", topics.metricTag(event.topic))
                        .increment();
            }
        }
        boolean brokerDown = sent.isEmpty()
                && !failed.isEmpty()
                && results.stream().allMatch(f -> f != null && Failures.isUnavailable(f));
        if (!failed.isEmpty()) {
            if (brokerDown) {
                Log.warnf(
                        "Outbox relay: the broker refused all %d events of the batch (%s); retrying",
                        failed.size(), failed.getFirst().lastError);
            } else {
                failed.forEach(e -> countAttempt(e, now));
            }
        }
        // The rows were read in this transaction: changes to attempts, lastError and parkedAt flush at commit.
        return repository.markSent(sent, now).invoke(n -> {
            if (n > 0) {
                Log.debugf("Relayed %d outbox events", n);
            }
        });
    }

    private void countAttempt(OutboxEvent event, Instant now) {
        event.attempts++;
        if (event.attempts >= config.maxAttempts()) {
            event.parkedAt = now;
            meters.counter(PARKED_METRIC, "topic", topics.metricTag(event.topic))
                    .increment();
            Log.errorf(
                    "Outbox event %s (%s to %s, key %s) parked after %d failed attempts: %s. Operators: fix the cause,"
                            + " then POST /api/v1/outbox/%d/retry",
                    event.eventId, event.type, event.topic, event.eventKey, event.attempts, event.lastError, event.id);
        } else {
            Log.warnf(
                    "Outbox event %s (%s to %s) failed, attempt %d of %d: %s",
                    event.eventId, event.type, event.topic, event.attempts, config.maxAttempts(), event.lastError);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
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
        // A topic created on demand (an organization's partner topic) is created first; a creation that fails fails
        // this row's send, which counts as a failed attempt like any other, so the other rows go on.
        return topics.ensure(event.topic)
                .chain(() -> emitter.sendMessage(Message.of(event.payload).addMetadata(metadata)));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
