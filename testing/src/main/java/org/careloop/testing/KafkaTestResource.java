package org.careloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker inside the test JVM. Topics are created on first use. Old messages never
 * survive a run because the log directory is new each time.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaClusterTestKit cluster;

    @Override
    public synchronized Map<String, String> start() {
        if (cluster == null) {
            try {
                Path dir = Files.createDirectories(TestPaths.scratch("kafka"));
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                                .setCombined(true)
                                .setNumBrokerNodes(1)
                                .setNumControllerNodes(1)
                                .setBaseDirectory(Files.createTempDirectory(dir, "kraft-"))
                                .build())
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setDeleteOnClose(true)
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestResource::shutdown, "kafka-test-shutdown"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the in-JVM Kafka broker for tests", e);
            }
        }
        return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    }

    /** Bootstrap servers of the running test broker. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            throw new IllegalStateException("The test Kafka broker is not running");
        }
        return cluster.bootstrapServers();
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM: Quarkus may restart the application between test classes.
    }

    private static synchronized void shutdown() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
            cluster = null;
        }
    }
}
