package org.careloop.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.careloop.platform.events.CloudEventHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The one way a service applies an event: checks the CloudEvents headers, parses and validates the data, and applies
 * the handler and records {@code ce_id} in one transaction, skipping ids already recorded. Transient failures are
 * retried with back-off; what still fails, and every poison message, is nacked so that the channel's
 * {@code dead-letter-queue} failure strategy moves it to the dead-letter topic and the consumer keeps going. Side
 * effects that must not happen twice on a retry (metrics) go through {@link AfterCommit}.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final ProcessedEventRepository processed;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final ConsumerConfig config;
    private final MeterRegistry meters;

    public IdempotentConsumer(
            ProcessedEventRepository processed,
            ObjectMapper mapper,
            Validator validator,
            ConsumerConfig config,
            MeterRegistry meters) {
        this.processed = processed;
        this.mapper = mapper;
        this.validator = validator;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Applies a message at most once.
     *
     * @param message the Kafka message with a JSON string payload
     * @param expectedType the CloudEvents type this channel carries
     * @param dataType the record the data is parsed into
     * @param handler the effect; runs inside the transaction that also records the event id
     * @return completes when the message has been acked or nacked
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
        return Panache.withTransaction(() -> {
                    AfterCommit.begin();
                    return applyOnce(event, handler);
                })
                .onFailure()
                .invoke(AfterCommit::discard)
                .onFailure(f -> !(f instanceof PoisonMessageException))
                .retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(config.maxRetries())
                .onItemOrFailure()
                .transformToUni((applied, failure) -> {
                    if (failure == null) {
                        AfterCommit.committed();
                        count(event.topic(), applied ? "applied" : "duplicate");
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    Log.errorf(failure, "Event %s (%s) could not be applied", event.id(), event.type());
                    return reject(message, failure instanceof PoisonMessageException ? "poison" : "failed", failure);
                });
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
