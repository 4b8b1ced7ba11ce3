package org.careloop.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.careloop.platform.events.CloudEventHeaders;
import org.careloop.platform.failure.Failures;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one way a service applies an event: checks the CloudEvents headers, parses and validates the data, and applies
 * the handler and records {@code ce_id} in one transaction, skipping ids already recorded.
 *
 * <p>What happens when applying fails depends on why:
 *
 * <ul>
 *   <li>A poison message (malformed, invalid, unknown type; {@link PoisonMessageException}) is nacked at once, so the
 *       channel's {@code dead-letter-queue} failure strategy moves it to the dead-letter topic and the consumer goes on.
 *   <li>A transient failure ({@link Failures#isTransient}: the database is down or restarting, the pool is closing, a
 *       timeout, a lost race) is retried with back-off for as long as it lasts: the consumer pauses on this message and
 *       never dead-letters it.
 *   <li>Any other failure is retried {@code careloop.consumer.max-retries} times, then dead-lettered.
 *   <li>Once the service is shutting down, a failing message is neither acked nor nacked: its offset is not committed,
 *       so it is delivered again after the restart.
 * </ul>
 *
 * Side effects that must not happen twice on a retry (metrics) go through {@link AfterCommit}.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final ProcessedEventRepository processed;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final ConsumerConfig config;
    private final MeterRegistry meters;
    private final Vertx vertx;
    private final AtomicInteger retrying = new AtomicInteger();
    private volatile boolean shuttingDown;

    public IdempotentConsumer(
            ProcessedEventRepository processed,
            ObjectMapper mapper,
            Validator validator,
            ConsumerConfig config,
            MeterRegistry meters,
            Vertx vertx) {
        this.processed = processed;
        this.mapper = mapper;
        this.validator = validator;
        this.config = config;
        this.meters = meters;
        this.vertx = vertx;
        meters.gauge("careloop.events.retrying", retrying);
    }

    void onShutdown(@Observes ShutdownEvent event) {
        shuttingDown = true;
    }

    /**
     * Applies a message at most once.
     *
     * @param message the Kafka message with a JSON string payload
     * @param expectedType the CloudEvents type this channel carries
     * @param dataType the record the data is parsed into
     * @param handler the effect; runs inside the transaction that also records the event id
     * @return completes when the message has been acked, nacked, or left for redelivery at shutdown; never fails
     */
    public <T> Uni<Void> consume(
            Message<String> message,
            String expectedType,
            Class<T> dataType,
            Function<IncomingEvent<T>, Uni<Void>> handler) {
        IncomingEvent<T> event;
        try {
            event = parse(message, expectedType, dataType);
        } catch (PoisonMessageException e) {
            return reject(message, "poison", e);
        }
        return attempt(event, handler, 1).onItemOrFailure().transformToUni((applied, failure) -> {
            if (failure == null) {
                AfterCommit.committed();
                count(event.topic(), applied ? "applied" : "duplicate");
                return Uni.createFrom().completionStage(message.ack());
            }
            if (failure instanceof PoisonMessageException) {
                Log.errorf(failure, "Event %s (%s) is poison", event.id(), event.type());
                return reject(message, "poison", failure);
            }
            if (shuttingDown) {
                // Not acked, not nacked: the offset stays uncommitted and the event comes again after the restart.
                count(event.topic(), "abandoned");
                Log.infof(
                        "Event %s (%s) left for redelivery: the service is shutting down (%s)",
                        event.id(), event.type(), failure.getMessage());
                return Uni.createFrom().voidItem();
            }
            Log.errorf(failure, "Event %s (%s) could not be applied", event.id(), event.type());
            return reject(message, "failed", failure);
        });
    }

    /** One attempt, and the next ones while the failure is worth retrying. */
    private <T> Uni<Boolean> attempt(
            IncomingEvent<T> event, Function<IncomingEvent<T>, Uni<Void>> handler, int attempt) {
        return Panache.withTransaction(() -> {
                    AfterCommit.begin();
                    return applyOnce(event, handler);
                })
                .onFailure()
                .invoke(AfterCommit::discard)
                .onFailure(failure -> retryable(failure, attempt))
                .recoverWithUni(failure -> {
                    boolean transientFailure = Failures.isTransient(failure);
                    Duration delay = backoff(attempt);
                    if (attempt == 1 || attempt % 10 == 0) {
                        Log.warnf(
                                "Event %s (%s), attempt %d failed (%s); retrying in %d ms%s",
                                event.id(),
                                event.type(),
                                attempt,
                                failure.getMessage(),
                                delay.toMillis(),
                                transientFailure ? " until the dependency is back" : "");
                    }
                    if (attempt == 1) {
                        retrying.incrementAndGet();
                    }
                    return delay(delay)
                            .chain(() -> attempt(event, handler, attempt + 1))
                            .eventually(() -> {
                                if (attempt == 1) {
                                    retrying.decrementAndGet();
                                }
                            });
                });
    }

    private boolean retryable(Throwable failure, int attempt) {
        if (failure instanceof PoisonMessageException || shuttingDown) {
            return false;
        }
        return Failures.isTransient(failure) || attempt <= config.maxRetries();
    }

    private Duration backoff(int attempt) {
        long initial = Math.max(1, config.initialBackoff().toMillis());
        long max = Math.max(initial, config.maxBackoff().toMillis());
        long delay = attempt >= 31 ? max : Math.min(max, initial << (attempt - 1));
        return Duration.ofMillis(delay);
    }

    /** Waits on a Vert.x timer, so the next attempt runs on the same (duplicated) context as this one. */
    private Uni<Void> delay(Duration delay) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(delay.toMillis(), id -> emitter.complete(null)));
    }

    private <T> Uni<Boolean> applyOnce(IncomingEvent<T> event, Function<IncomingEvent<T>, Uni<Void>> handler) {
        return processed.findById(event.id()).chain(seen -> {
            if (seen != null) {
                Log.debugf("Skipping event %s: already applied", event.id());
                return Uni.createFrom().item(false);
            }
            return handler.apply(event)
                    .chain(() -> processed.persist(
                            new ProcessedEvent(event.id(), event.type(), event.topic(), Instant.now())))
                    .replaceWith(true);
        });
    }

    private Uni<Void> reject(Message<String> message, String outcome, Throwable failure) {
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        count(topic, outcome);
        Log.warnf("Sending message from %s to the dead-letter topic: %s", topic, failure.getMessage());
        return Uni.createFrom().completionStage(message.nack(failure));
    }

    private void count(String topic, String outcome) {
        meters.counter("careloop.events.consumed", "topic", topic, "outcome", outcome)
                .increment();
    }

    <T> IncomingEvent<T> parse(Message<String> message, String expectedType, Class<T> dataType) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new PoisonMessageException("Not a Kafka record"));
        Headers headers = kafka.getHeaders();
        UUID id = uuid(required(headers, CloudEventHeaders.ID));
        String type = required(headers, CloudEventHeaders.TYPE);
        if (!expectedType.equals(type)) {
            throw new PoisonMessageException("Unexpected event type '" + type + "', expected '" + expectedType + "'");
        }
        String source = required(headers, CloudEventHeaders.SOURCE);
        String subject = header(headers, CloudEventHeaders.SUBJECT);
        Instant time = instant(header(headers, CloudEventHeaders.TIME));
        String payload = message.getPayload();
        if (payload == null || payload.isBlank()) {
            throw new PoisonMessageException("Event " + id + " has no data");
        }
        T data;
        try {
            data = mapper.readValue(payload, dataType);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException(
                    "Event " + id + " data is not a valid " + type + ": " + e.getOriginalMessage(), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("Event " + id + " data is invalid: "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
        }
        return new IncomingEvent<>(id, type, source, subject, time, kafka.getTopic(), data);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("ce_id is not a UUID: " + value, e);
        }
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new PoisonMessageException("ce_time is not an RFC 3339 timestamp: " + value, e);
        }
    }
}
