package org.careloop.platform.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A validated CloudEvent received from Kafka.
 *
 * @param id {@code ce_id}, the deduplication key
 * @param type {@code ce_type}
 * @param source {@code ce_source}
 * @param subject {@code ce_subject}, may be null
 * @param time {@code ce_time}, may be null
 * @param topic the topic it was read from
 * @param data the parsed and validated data
 */
public record IncomingEvent<T>(
        UUID id, String type, String source, String subject, Instant time, String topic, T data) {}
