package org.careloop.notification.webhook;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careloop.contracts.EventTypes;
import org.careloop.notification.Api;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.chase.messaging.ReferralUpdatedConsumer;
import org.careloop.notification.delivery.service.DeliveryWorker;
import org.careloop.testing.KafkaEvents;
import org.careloop.testing.KafkaTestResource;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery speed of one notification-service instance (this test JVM's) on the real PostgreSQL and Kafka, to a
 * healthy receiver on this machine. Not part of the test run (its name ends in Benchmark); run it with
 * {@code ./mvnw -B -pl notification-service -am verify -Dtest=WebhookDeliveryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (see the README). It prints its figures and asserts nothing about time.
 *
 * <p>The clinic has {@code careloop.benchmark.subscriptions} (default 10) subscriptions to its referrals' status
 * changes, all at the receiver, so that each change is that many deliveries (the referral-updated consumer, not the
 * delivery worker, would otherwise set the pace).
 *
 * <ol>
 *   <li><b>Backlog:</b> with the delivery worker stopped, {@code careloop.benchmark.backlog} referral-updated events
 *       (default 600, so 6,000 deliveries) are consumed; then the worker starts and the receiver's arrivals give
 *       deliveries per second.
 *   <li><b>Steady:</b> events at {@code careloop.benchmark.rate} per second (default 60, so 600 deliveries a second)
 *       for {@code careloop.benchmark.seconds} (default 20); each arrival's delay from the event's {@code updatedAt}
 *       (the time of the referral change) gives p50, p99 and max.
 * </ol>
 */
@QuarkusTest
class WebhookDeliveryBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    DeliveryWorker worker;

    @Test
    void webhookDeliveries() throws Exception {
        int subscriptions = Integer.getInteger("careloop.benchmark.subscriptions", 10);
        int backlogChanges = Integer.getInteger("careloop.benchmark.backlog", 600);
        int rate = Integer.getInteger("careloop.benchmark.rate", 60);
        int seconds = Integer.getInteger("careloop.benchmark.seconds", 20);
        int backlog = backlogChanges * subscriptions;
        try (WebhookReceiver receiver = new WebhookReceiver();
                KafkaProducer<String, String> producer = producer()) {
            List<String> subscriptionIds = new ArrayList<>();
            for (int i = 0; i < subscriptions; i++) {
                subscriptionIds.add(Api.as("clinician")
                        .body(Map.of("url", receiver.url(), "types", List.of("referral.status-changed")))
                        .post("/api/v1/webhook-subscriptions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"));
            }
            warmUp(receiver, producer, subscriptions);

            // 1. Backlog: deliveries queued with the worker stopped, then drained.
            worker.stop().get();
            int before = receiver.delivered().size();
            for (int i = 0; i < backlogChanges; i++) {
                send(producer, ReferralChange.requested(Instant.now()));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> queued(subscriptionIds.getLast()) >= backlogChanges);
            long start = System.nanoTime();
            worker.start();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> receiver.delivered().size() - before >= backlog);
            double drainSeconds = (System.nanoTime() - start) / 1e9;

            // 2. Steady: a paced stream of changes, each delivered as it comes.
            int steadyBefore = receiver.delivered().size();
            Instant steadyStart = Instant.now();
            List<String> referrals = new ArrayList<>();
            long interval = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = 0; i < rate * seconds; i++) {
                ReferralChange change = ReferralChange.requested(Instant.now());
                send(producer, change);
                referrals.add(change.referralId.toString());
                next += interval;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            producer.flush();
            int expected = rate * seconds * subscriptions;
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> receiver.delivered().size() - steadyBefore >= expected);
            List<Long> delays = receiver.delivered().stream()
                    .skip(steadyBefore)
                    .map(r -> Duration.between(
                                    Instant.parse(r.data().path("occurredAt").asText()), r.at())
                            .toMillis())
                    .sorted()
                    .toList();
            double steadySeconds = Duration.between(steadyStart, Instant.now()).toMillis() / 1000.0;

            System.out.printf(
                    "%nWEBHOOK BENCHMARK (one instance, local receiver, %d cores, %d subscriptions of the clinic)%n"
                            + "  backlog: %d deliveries in %.2f s = %.0f deliveries/s%n"
                            + "  steady:  %d changes at %d/s = %d deliveries/s offered over %.1f s (%.0f/s delivered):"
                            + " delay from referral-updated to delivery p50 %d ms, p99 %d ms, max %d ms%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    subscriptions,
                    backlog,
                    drainSeconds,
                    backlog / drainSeconds,
                    rate * seconds,
                    rate,
                    rate * subscriptions,
                    steadySeconds,
                    delays.size() / steadySeconds,
                    percentile(delays, 0.50),
                    percentile(delays, 0.99),
                    delays.getLast());
            subscriptionIds.forEach(id -> Api.as("clinician").delete("/api/v1/webhook-subscriptions/{id}", id));
        }
    }

    private void warmUp(WebhookReceiver receiver, KafkaProducer<String, String> producer, int subscriptions) {
        for (int i = 0; i < 100; i++) {
            send(producer, ReferralChange.requested(Instant.now()));
        }
        producer.flush();
        await().atMost(Duration.ofMinutes(2)).until(() -> receiver.delivered().size() >= 100 * subscriptions);
    }

    private static int queued(String subscription) {
        return Api.as("clinician")
                .queryParam("state", "pending")
                .queryParam("size", 1)
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription)
                .then()
                .extract()
                .path("totalItems");
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static void send(KafkaProducer<String, String> producer, ReferralChange change) {
        try {
            var record = new ProducerRecord<>(
                    ReferralUpdatedConsumer.CHANNEL,
                    change.referralId.toString(),
                    JSON.writeValueAsString(change.event()));
            KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.REFERRAL_UPDATED)
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        props.put("linger.ms", "5");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
