package org.careloop.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careloop.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The broker's doors (deploy/kafka/acls.conf, SASL/SCRAM): a client without credentials reads and writes nothing, a
 * service cannot write a topic it does not own, the integrator reaches no internal topic, the operator reads but
 * never writes.
 */
@Order(2)
class KafkaAccessIT {

    private static Stack stack;
    private static Api api;

    @BeforeAll
    static void aReferralIsOnTheTopic() throws Exception {
        stack = Stack.shared();
        api = new Api(stack);
        api.screen(Api.FOOD);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> !api.records(Topics.REFERRAL_UPDATED).isEmpty());
    }

    @Test
    void aClientWithoutCredentialsReadsNothingAndWritesNothing() {
        Properties anonymous = new Properties();
        anonymous.put("bootstrap.servers", stack.kafkaBootstrap());
        anonymous.put("group.id", "anonymous-" + UUID.randomUUID());
        anonymous.put("auto.offset.reset", "earliest");
        int read = 0;
        try (var consumer = new KafkaConsumer<>(anonymous, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRAL_UPDATED));
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
        }
        assertThat(read)
                .as("records read from referral-updated without credentials")
                .isZero();

        assertThat(send(anonymous, Topics.REFERRAL_UPDATED))
                .as("a write without credentials")
                .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }

    @Test
    void aServiceCannotWriteATopicItDoesNotOwn() {
        assertThat(send(stack.kafkaClient("screening-service"), Topics.REFERRAL_UPDATED))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(send(stack.kafkaClient("notification-service"), Topics.DLQ_DIRECTORY))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceReadsOnlyWhatItConsumesAndOnlyWithItsOwnGroup() {
        Properties notification = stack.kafkaClient("notification-service");
        notification.put("group.id", "notification-service");
        assertThat(readError(notification, Topics.NEEDS_MATCHED)).isInstanceOf(TopicAuthorizationException.class);
        Properties foreignGroup = stack.kafkaClient("notification-service");
        foreignGroup.put("group.id", "referral-service");
        assertThat(readError(foreignGroup, Topics.CAPACITY_CHANGED)).isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void theIntegratorReachesNoInternalTopic() {
        Properties integrator = stack.kafkaClient("integration-partner");
        integrator.put("group.id", "integration-partner-" + UUID.randomUUID());
        for (String topic : List.of(Topics.REFERRAL_UPDATED, Topics.CAPACITY_CHANGED, Topics.DLQ_REFERRAL)) {
            assertThat(readError(integrator, topic)).as(topic).isInstanceOf(TopicAuthorizationException.class);
        }
        assertThat(send(stack.kafkaClient("integration-partner"), Topics.REFERRAL_UPDATED))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void theOperatorReadsEveryTopicButWritesNone() {
        assertThat(api.records(Topics.REFERRAL_UPDATED)).isNotEmpty();
        // Refused at the producer id already (the idempotent producer needs WRITE on some topic), or at the topic
        assertThat(send(stack.kafkaClient("operator"), Topics.DLQ_REFERRAL)).isInstanceOf(AuthorizationException.class);
    }

    /**
     * The failure of one send (null if the broker took the record, which none of these tests wants). A refusal at the
     * producer id can surface as the producer's "error state" on the send that follows it, with the authorization
     * failure as its cause (a race between the send and the broker's answer): the cause is returned then.
     */
    private static Throwable send(Properties config, String topic) {
        Throwable failure = sendOnce(config, topic);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException) {
                return t;
            }
        }
        return failure;
    }

    private static Throwable sendOnce(Properties config, String topic) {
        Properties props = new Properties();
        props.putAll(config);
        props.put("max.block.ms", "5000");
        props.put("delivery.timeout.ms", "8000");
        props.put("request.timeout.ms", "5000");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "kafka-access-it", "{}")).get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (org.apache.kafka.common.KafkaException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The error a consumer gets when it polls the topic (null if it could read). */
    private static Throwable readError(Properties config, String topic) {
        Properties props = new Properties();
        props.putAll(config);
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(500));
                } catch (org.apache.kafka.common.KafkaException e) {
                    return e;
                }
            }
        }
        return null;
    }
}
