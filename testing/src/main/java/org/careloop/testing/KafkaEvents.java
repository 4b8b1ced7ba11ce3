package org.careloop.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records on the test broker, to assert on published events and inject incoming ones. */
public final class KafkaEvents {

    private KafkaEvents() {}

    /** A record as seen on the wire. */
    public record Event(String topic, String key, String value, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** Waits for the first record on {@code topic} that satisfies {@code match}, reading from the beginning. */
    public static Event await(String topic, Predicate<Event> match, Duration timeout) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        props.put("group.id", "test-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            List<Event> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Event event = toEvent(r);
                    seen.add(event);
                    if (match.test(event)) {
                        return event;
                    }
                }
            }
            throw new AssertionError("No matching record on " + topic + " within " + timeout + "; saw " + seen);
        }
    }

    /** Sends a raw record with the given headers; returns once the broker acknowledged it. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send a test record to " + topic, e);
        }
    }

    /** CloudEvents headers for a test record. */
    public static Map<String, String> cloudEventHeaders(String id, String type) {
        return Map.of(
                "ce_specversion",
                "1.0",
                "ce_id",
                id,
                "ce_type",
                type,
                "ce_source",
                "/careloop/test",
                "ce_time",
                Instant.now().toString(),
                "content-type",
                "application/json");
    }

    private static Event toEvent(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new Event(r.topic(), r.key(), r.value(), headers);
    }
}
