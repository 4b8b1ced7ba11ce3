package org.careloop.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.careloop.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The operator's commands of {@code deploy/local/stack}, run as a person would against the system tests' stack:
 * {@code kafka tail}, {@code kafka lag}, {@code kafka dlq list|republish} and {@code mail list}.
 */
@Order(4)
class OperatorToolsIT {

    /** The CloudEvents source of the poison record this test dead-letters on purpose. */
    static final String SOURCE = "/careloop/operator-tools-it";

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static Stack stack;

    @BeforeAll
    static void aScreeningHasRun() throws Exception {
        stack = Stack.shared();
        new Api(stack).screen(Api.FOOD);
    }

    @Test
    void tailShowsRecordsWithTheirCloudEventsHeaders() throws Exception {
        Stack.Result tail =
                stack("kafka", "tail", Topics.SCREENING_COMPLETED, "--from-beginning", "--max", "1", "--timeout", "60");
        assertThat(tail.exit()).as(tail.toString()).isZero();
        assertThat(tail.out())
                .as(tail.toString())
                .containsPattern("(?m)^screening-completed/\\d+@\\d+ \\S+ key=\\S+$")
                .containsPattern("(?m)^  ce_id=[0-9a-f-]{36}$")
                .contains("  ce_type=")
                .contains("  value={");
    }

    @Test
    void lagListsEveryServiceGroupWithATotal() throws Exception {
        Stack.Result lag = stack("kafka", "lag");
        assertThat(lag.exit()).as(lag.toString()).isZero();
        for (String service : Stack.SERVICES) {
            assertThat(lag.out())
                    .as(lag.toString())
                    .containsPattern("(?m)^" + service + "-service +TOTAL +\\d+")
                    .containsPattern("(?m)^" + service + "-service +[a-z.-]+ +\\d+ +(\\d+|-) +\\d+ +\\d+$");
        }
    }

    @Test
    void aDeadLetterIsListedAndRepublishedToItsOriginalTopic() throws Exception {
        // match-requested is consumed by directory-service alone: a record it cannot apply lands in its dead letters
        String key = "operator-tools-it-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, String> poison = new ProducerRecord<>(Topics.MATCH_REQUESTED, key, "{\"not\": \"it\"}");
        poison.headers()
                .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", "org.careloop.not-a-type".getBytes(StandardCharsets.UTF_8))
                .add("ce_source", SOURCE.getBytes(StandardCharsets.UTF_8))
                .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        Properties admin = stack.kafkaClient("careloop-admin");
        try (var producer = new KafkaProducer<>(admin, new StringSerializer(), new StringSerializer())) {
            producer.send(poison).get(30, TimeUnit.SECONDS);
        }

        // dlq list: one tab-separated line per dead letter, naming where it came from, its event and the reason
        String[] letter = await().atMost(WAIT)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            Stack.Result list = stack("kafka", "dlq", "list", Topics.DLQ_DIRECTORY);
                            assertThat(list.exit()).as(list.toString()).isZero();
                            return list.out()
                                    .lines()
                                    .map(l -> l.split("\t"))
                                    .filter(cols -> cols.length == 7 && cols[2].equals(key))
                                    .findFirst()
                                    .orElse(null);
                        },
                        found -> found != null);
        assertThat(letter[0]).matches("dlq\\.directory-service/0@\\d+");
        assertThat(letter[3]).matches("match-requested/\\d+@\\d+");
        assertThat(letter[4]).isEqualTo(eventId);
        assertThat(letter[5]).isEqualTo("org.careloop.not-a-type");
        assertThat(letter[6]).contains("org.careloop.not-a-type");
        String dlqOffset = letter[0].substring(letter[0].indexOf('@') + 1);

        Stack.Result republish = stack("kafka", "dlq", "republish", Topics.DLQ_DIRECTORY, dlqOffset);
        assertThat(republish.exit()).as(republish.toString()).isZero();
        Matcher to = Pattern.compile("-> (match-requested)/(\\d+)@(\\d+)").matcher(republish.out());
        assertThat(to.find()).as(republish.toString()).isTrue();
        assertThat(to.group(1) + "/" + to.group(2))
                .as("the original topic and partition")
                .isEqualTo(letter[3].split("@")[0]);

        // Back on the original topic: the same key, value and CloudEvents headers, no dead-letter-* headers
        Stack.Result tail = stack(
                "kafka",
                "tail",
                Topics.MATCH_REQUESTED,
                "--from-beginning",
                "--key",
                key,
                "--max",
                "2",
                "--timeout",
                "60",
                "--json");
        assertThat(tail.exit()).as(tail.toString()).isZero();
        List<String> records = tail.out().lines().toList();
        assertThat(records).as(tail.toString()).hasSize(2);
        String again = records.get(1);
        assertThat(again)
                .contains("\"partition\":" + to.group(2) + ",\"offset\":" + to.group(3) + ",")
                .contains("\"ce_id\":\"" + eventId + "\"")
                .contains("\"value\":\"{\\\"not\\\": \\\"it\\\"}\"")
                .doesNotContain("dead-letter-");
    }

    @Test
    void theMailOfTheStackCanBeListed() throws Exception {
        Stack.Result list = stack("mail", "list");
        assertThat(list.exit()).as(list.toString()).isZero();
        for (String line : list.out().lines().toList()) {
            assertThat(line.split("\t")).as(line).hasSize(5);
        }
    }

    private static Stack.Result stack(String... args) throws IOException, InterruptedException {
        return stack.command(args);
    }
}
