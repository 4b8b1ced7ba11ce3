package org.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.careloop.testing.KafkaEvents;
import org.careloop.testing.KafkaTestResource;
import org.careloop.testing.PostgresTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Topics created on demand: the relay creates a missing {@code partner.} topic with the configured partitions before it
 * sends to it, takes an existing one as it is, and counts a creation that fails as a failed attempt of that row only.
 */
@QuarkusTest
@TestProfile(OutboxTopicCreationTests.PartnerTopics.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
class OutboxTopicCreationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** The relay creates {@code partner.} topics with two partitions (the test broker would make three). */
    public static class PartnerTopics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "careloop.outbox.created-topics.prefixes", "partner.",
                    "careloop.outbox.created-topics.partitions", "2",
                    "careloop.outbox.created-topics.replication-factor", "1");
        }
    }

    @Test
    void aMissingPartnerTopicIsCreatedWithTheConfiguredPartitionsBeforeItsFirstRecord() throws Exception {
        String topic = "partner.org-" + UUID.randomUUID() + ".referrals";
        String key = UUID.randomUUID().toString();
        insertRow(topic, key);

        // Read only once the row is sent: a test consumer subscribing earlier would make the broker auto-create it.
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where event_key = '" + key
                                + "' and sent_at is not null")
                        == 1);
        assertThat(partitions(topic)).isEqualTo(2);
        KafkaEvents.Event record = KafkaEvents.await(topic, e -> key.equals(e.key()), WAIT);
        assertThat(record.header("ce_type")).isEqualTo("org.careloop.test.partner.v1");

        // Known now: the next record of the topic goes out without creating it again.
        String second = UUID.randomUUID().toString();
        insertRow(topic, second);
        KafkaEvents.await(topic, e -> second.equals(e.key()), WAIT);
    }

    @Test
    void aTopicThatExistsAlreadyIsUsedAsItIs() throws Exception {
        String topic = "partner.org-" + UUID.randomUUID() + ".referrals";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                    .all()
                    .get();
        }
        String key = UUID.randomUUID().toString();
        insertRow(topic, key);
        KafkaEvents.await(topic, e -> key.equals(e.key()), WAIT);
        assertThat(partitions(topic)).isEqualTo(1);
    }

    @Test
    void aTopicThatCannotBeCreatedCountsFailedAttemptsOfItsRowOnlyAndTheOthersGoOn() {
        // Kafka refuses the name: every creation fails, attempts are counted, then the row is parked.
        String bad = "partner.org with spaces.referrals";
        String badKey = UUID.randomUUID().toString();
        insertRow(bad, badKey);
        String goodTopic = "partner.org-" + UUID.randomUUID() + ".referrals";
        String goodKey = UUID.randomUUID().toString();
        insertRow(goodTopic, goodKey);

        KafkaEvents.await(goodTopic, e -> goodKey.equals(e.key()), WAIT);
        await().atMost(WAIT)
                .until(() -> count("select count(*) from outbox_event where event_key = '" + badKey
                                + "' and parked_at is not null and attempts = 3"
                                + " and last_error like '%Could not create topic%'")
                        == 1);
    }

    private static int partitions(String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaTestResource.bootstrapServers());
        return Admin.create(props);
    }

    private static void insertRow(String topic, String key) {
        try (Connection c = connection();
                PreparedStatement st = c.prepareStatement("insert into outbox_event (event_id, topic, event_key,"
                        + " event_type, source, subject, payload, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, UUID.randomUUID());
            st.setString(2, topic);
            st.setString(3, key);
            st.setString(4, "org.careloop.test.partner.v1");
            st.setString(5, "/careloop/platform-test");
            st.setString(6, key);
            st.setString(7, "{\"id\":\"" + key + "\"}");
            st.setTimestamp(8, Timestamp.from(Instant.now()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql) {
        try (Connection c = connection();
                var st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""));
    }
}
