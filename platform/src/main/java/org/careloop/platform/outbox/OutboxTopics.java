package org.careloop.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics that exist only once something is published to them (one per organization for integrators),
 * before the relay first sends to one: with the Kafka Admin client configured exactly as the relay's producer (same
 * brokers, same credentials), so that an ACL granting CREATE on the prefix is all a deployment needs. A topic that
 * exists already counts as created; created topics are remembered, so each is created at most once per process.
 */
@ApplicationScoped
public class OutboxTopics {

    /** Counter of topics created on demand. */
    public static final String CREATED_METRIC = "careloop.outbox.topics.created";

    private final OutboxConfig.CreatedTopics config;
    private final List<String> prefixes;
    private final KafkaClientService clients;
    private final MeterRegistry meters;
    private final Set<String> ready = ConcurrentHashMap.newKeySet();
    private volatile Admin admin;

    public OutboxTopics(OutboxConfig config, KafkaClientService clients, MeterRegistry meters) {
        this.config = config.createdTopics();
        this.prefixes = this.config.prefixes().orElse(List.of()).stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
        this.clients = clients;
        this.meters = meters;
    }

    /** Whether the relay creates {@code topic} when it is missing. */
    public boolean createdOnDemand(String topic) {
        return prefixes.stream().anyMatch(topic::startsWith);
    }

    /**
     * The {@code topic} tag of the relay's metrics: a topic created on demand counts under its prefix
     * ({@code partner.*}), so that one time series per organization never appears.
     */
    public String metricTag(String topic) {
        return prefixes.stream()
                .filter(topic::startsWith)
                .findFirst()
                .map(prefix -> prefix + "*")
                .orElse(topic);
    }

    /**
     * Completes once {@code topic} exists (at once for topics not created on demand, or created before); fails with
     * {@link TopicCreationFailed} when it could not be created. Completes on the caller's Vert.x context.
     */
    public Uni<Void> ensure(String topic) {
        if (!createdOnDemand(topic) || ready.contains(topic)) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Duration timeout = config.timeout();
        Uni<Void> created = Uni.createFrom()
                .deferred(() -> create(topic, timeout))
                .ifNoItem()
                .after(timeout.plusSeconds(1))
                .fail()
                .onFailure()
                .transform(f -> f instanceof TopicCreationFailed ? f : new TopicCreationFailed(topic, cause(f)))
                .invoke(() -> ready.add(topic));
        return context == null ? created : created.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private Uni<Void> create(String topic, Duration timeout) {
        Admin client = admin();
        NewTopic newTopic = new NewTopic(topic, Optional.of(config.partitions()), config.replicationFactor());
        var options = new CreateTopicsOptions().timeoutMs((int) timeout.toMillis());
        return Uni.createFrom()
                .completionStage(() ->
                        client.createTopics(List.of(newTopic), options).all().toCompletionStage())
                .invoke(() -> {
                    meters.counter(CREATED_METRIC).increment();
                    Log.infof(
                            "Created topic %s (%d partitions, replication %s)",
                            topic,
                            config.partitions(),
                            config.replicationFactor().map(String::valueOf).orElse("broker default"));
                })
                .replaceWithVoid()
                .onFailure(f -> cause(f) instanceof TopicExistsException)
                .recoverWithNull()
                // Allowed to describe and write the topic but not to create it: fine, as long as it exists.
                .onFailure(f -> cause(f) instanceof TopicAuthorizationException)
                .recoverWithUni(f -> exists(client, topic, timeout, f));
    }

    private static Uni<Void> exists(Admin client, String topic, Duration timeout, Throwable refused) {
        var options = new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis());
        return Uni.createFrom()
                .completionStage(() -> client.describeTopics(List.of(topic), options)
                        .allTopicNames()
                        .toCompletionStage())
                .replaceWithVoid()
                .onFailure()
                .transform(ignored -> new TopicCreationFailed(topic, cause(refused)));
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminConfig());
                }
                current = admin;
            }
        }
        return current;
    }

    /** The relay producer's own configuration, restricted to what an Admin client understands. */
    private Map<String, Object> adminConfig() {
        KafkaProducer<?, ?> producer = clients.getProducer(OutboxRelay.CHANNEL);
        if (producer == null) {
            throw new IllegalStateException("The outbox producer is not started yet");
        }
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> admin = new HashMap<>();
        producer.configuration().forEach((key, value) -> {
            if (known.contains(key) && value != null) {
                admin.put(key, value);
            }
        });
        Object clientId = admin.get(AdminClientConfig.CLIENT_ID_CONFIG);
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, (clientId == null ? "careloop-outbox" : clientId) + "-admin");
        return admin;
    }

    void stop(@Observes ShutdownEvent event) {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    private static Throwable cause(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A topic that had to be created before its row could be sent could not be. */
    public static class TopicCreationFailed extends RuntimeException {
        public TopicCreationFailed(String topic, Throwable cause) {
            super(
                    "Could not create topic " + topic + ": " + cause.getClass().getSimpleName() + ": "
                            + cause.getMessage(),
                    cause);
        }
    }
}
