package org.careloop.referral.partner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careloop.testing.KafkaTestResource;

/** Reads topics of the test broker as a whole, and looks at them through the Admin client (which creates nothing). */
public final class PartnerTopicRecords {

    private PartnerTopicRecords() {}

    /** A record's topic, key and value. */
    public record Item(String topic, String key, String value) {}

    /** The topics on the broker whose name starts with {@code prefix}. */
    public static Set<String> topics(String prefix) {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(prefix))
                    .collect(Collectors.toSet());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many partitions a topic has. */
    public static int partitions(String topic) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record on these topics now, from the beginning to the current end of each partition. */
    public static List<Item> all(Collection<String> topics) {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        props.put("group.id", "test-" + UUID.randomUUID());
        props.put("enable.auto.commit", "false");
        props.put("allow.auto.create.topics", "false");
        List<Item> items = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topics + " to their end");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    items.add(new Item(r.topic(), r.key(), r.value()));
                }
            }
        }
        return items;
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        return Admin.create(props);
    }
}
