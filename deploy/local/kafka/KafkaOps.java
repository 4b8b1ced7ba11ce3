import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.FileReader;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Operator commands of the local stack (deploy/local/stack kafka ...), as the stack's admin principal:
 *
 * <pre>
 * KafkaOps CONFIG tail TOPIC [--from-beginning] [--max N] [--key K] [--timeout SECONDS] [--json]
 * KafkaOps CONFIG lag [GROUP]
 * KafkaOps CONFIG dlq-list [DLQ_TOPIC] [--json]
 * KafkaOps CONFIG dlq-republish DLQ_TOPIC OFFSET [--partition P]
 * </pre>
 *
 * CONFIG is a Kafka client configuration (bootstrap.servers, SASL). Dead letters are read from the headers that
 * SmallRye Reactive Messaging's dead-letter-queue failure strategy writes: dead-letter-topic, dead-letter-partition,
 * dead-letter-offset, dead-letter-reason, dead-letter-cause, dead-letter-exception-class-name,
 * dead-letter-cause-class-name; the original record's headers (ce_id, ce_type, ...) are kept beside them.
 */
public class KafkaOps {

    static final String DLQ_PREFIX = "dead-letter-";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            fail("usage: KafkaOps CONFIG tail|lag|dlq-list|dlq-republish ...");
        }
        Properties config = new Properties();
        try (Reader in = new FileReader(args[0], StandardCharsets.UTF_8)) {
            config.load(in);
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
        switch (args[1]) {
            case "tail" -> tail(config, rest);
            case "lag" -> lag(config, rest);
            case "dlq-list" -> dlqList(config, rest);
            case "dlq-republish" -> dlqRepublish(config, rest);
            default -> fail("unknown command " + args[1]);
        }
    }

    // ---------------------------------------------------------------- tail

    static void tail(Properties config, List<String> args) {
        String topic = null;
        String key = null;
        boolean fromBeginning = false;
        boolean json = false;
        long max = Long.MAX_VALUE;
        Duration timeout = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--from-beginning" -> fromBeginning = true;
                case "--json" -> json = true;
                case "--max" -> max = Long.parseLong(value(args, ++i, a));
                case "--key" -> key = value(args, ++i, a);
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, a)));
                default -> {
                    if (a.startsWith("--") || topic != null) {
                        fail("tail: unexpected argument " + a);
                    }
                    topic = a;
                }
            }
        }
        if (topic == null) {
            fail("tail: which topic?");
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, "tail")) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(consumer::position); // resolve now: records sent from here on are shown
            System.err.printf(
                    "tail: %s (%d partitions) from the %s%s%s%n",
                    topic,
                    partitions.size(),
                    fromBeginning ? "beginning" : "end",
                    key != null ? ", key " + key : "",
                    max == Long.MAX_VALUE && timeout == null ? "; following, Ctrl-C to stop" : "");
            long shown = 0;
            long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
            while (shown < max) {
                if (System.nanoTime() > deadline) {
                    if (max != Long.MAX_VALUE) {
                        System.err.printf("tail: timed out after %d of %d records%n", shown, max);
                        System.exit(3);
                    }
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key != null && !key.equals(text(r.key()))) {
                        continue;
                    }
                    System.out.print(json ? json(r) + "\n" : describe(r));
                    System.out.flush();
                    if (++shown >= max) {
                        break;
                    }
                }
            }
        }
    }

    static String describe(ConsumerRecord<byte[], byte[]> r) {
        StringBuilder out = new StringBuilder();
        out.append(r.topic())
                .append('/')
                .append(r.partition())
                .append('@')
                .append(r.offset())
                .append(' ')
                .append(Instant.ofEpochMilli(r.timestamp()))
                .append(" key=")
                .append(r.key() == null ? "(null)" : text(r.key()))
                .append('\n');
        for (Header h : r.headers()) {
            out.append("  ").append(h.key()).append('=').append(text(h.value())).append('\n');
        }
        out.append("  value=").append(r.value() == null ? "(null)" : text(r.value())).append('\n');
        return out.toString();
    }

    static String json(ConsumerRecord<byte[], byte[]> r) {
        StringBuilder headers = new StringBuilder();
        for (Header h : r.headers()) {
            headers.append(headers.isEmpty() ? "" : ",").append(q(h.key())).append(':').append(q(text(h.value())));
        }
        return "{\"topic\":" + q(r.topic()) + ",\"partition\":" + r.partition() + ",\"offset\":" + r.offset()
                + ",\"timestamp\":" + q(Instant.ofEpochMilli(r.timestamp()).toString()) + ",\"key\":"
                + q(text(r.key())) + ",\"headers\":{" + headers + "},\"value\":" + q(text(r.value())) + "}";
    }

    // ---------------------------------------------------------------- lag

    @SuppressWarnings("deprecation")
    static void lag(Properties config, List<String> args) throws Exception {
        if (args.size() > 1) {
            fail("lag: at most one group");
        }
        try (Admin admin = Admin.create(config)) {
            TreeSet<String> groups = new TreeSet<>();
            if (args.isEmpty()) {
                for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                    groups.add(g.groupId());
                }
            } else {
                groups.add(args.get(0));
            }
            Map<String, ConsumerGroupDescription> descriptions =
                    groups.isEmpty() ? Map.of() : admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS);
            // COMMITTED "-": the group has committed nothing there; its lag then counts from the partition's first record
            String format = "%-32s %-28s %9s %10s %10s %8s%n";
            System.out.printf(format, "GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG");
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS));
                committed.values().removeIf(v -> v == null);
                Set<TopicPartition> all = new TreeSet<>(BY_TOPIC_PARTITION);
                all.addAll(committed.keySet());
                ConsumerGroupDescription description = descriptions.get(group);
                if (description != null) {
                    for (MemberDescription m : description.members()) {
                        all.addAll(m.assignment().topicPartitions());
                    }
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(admin, all, OffsetSpec.latest());
                // A partition without a committed offset is read from its first record (auto.offset.reset=earliest)
                Set<TopicPartition> uncommitted = new TreeSet<>(BY_TOPIC_PARTITION);
                all.stream().filter(tp -> !committed.containsKey(tp)).forEach(uncommitted::add);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
                        offsets(admin, uncommitted, OffsetSpec.earliest());
                long total = 0;
                for (TopicPartition tp : all) {
                    long end = ends.get(tp).offset();
                    OffsetAndMetadata c = committed.get(tp);
                    long from = c != null ? c.offset() : starts.get(tp).offset();
                    long l = Math.max(0, end - from);
                    total += l;
                    System.out.printf(
                            format, group, tp.topic(), tp.partition(), c == null ? "-" : c.offset(), end, l);
                }
                String state = description == null
                        ? ""
                        : "  (" + description.groupState() + ", " + description.members().size() + " members)";
                System.out.printf("%-32s %-28s %9s %10s %10s %8d%s%n", group, "TOTAL", "", "", "", total, state);
            }
        }
    }

    static Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(
            Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        return request.isEmpty() ? Map.of() : admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
    }

    static final Comparator<TopicPartition> BY_TOPIC_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    // ---------------------------------------------------------------- dead letters

    static void dlqList(Properties config, List<String> args) throws Exception {
        boolean json = args.remove("--json");
        List<String> topics = new ArrayList<>();
        if (args.size() > 1) {
            fail("dlq list: at most one topic");
        }
        if (args.isEmpty()) {
            try (Admin admin = Admin.create(config)) {
                for (String t : new TreeSet<>(admin.listTopics().names().get(30, TimeUnit.SECONDS))) {
                    if (t.startsWith("dlq.")) {
                        topics.add(t);
                    }
                }
            }
        } else {
            topics.add(args.get(0));
        }
        if (!json) {
            System.out.println(String.join(
                    "\t", "DEAD_LETTER", "TIME", "KEY", "ORIGINAL", "EVENT_ID", "EVENT_TYPE", "REASON"));
        }
        int count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, "dlq-list")) {
            for (String topic : topics) {
                for (ConsumerRecord<byte[], byte[]> r : readAll(consumer, topic)) {
                    count++;
                    if (json) {
                        System.out.println(json(r));
                        continue;
                    }
                    String reason = header(r, "dead-letter-reason");
                    String cause = header(r, "dead-letter-cause");
                    if (cause != null && !cause.equals(reason)) {
                        reason = (reason == null ? "" : reason + "; ") + "cause: " + cause;
                    }
                    System.out.println(String.join(
                            "\t",
                            r.topic() + "/" + r.partition() + "@" + r.offset(),
                            Instant.ofEpochMilli(r.timestamp()).toString(),
                            r.key() == null ? "-" : oneLine(text(r.key())),
                            orDash(header(r, "dead-letter-topic")) + "/" + orDash(number(r, "dead-letter-partition"))
                                    + "@" + orDash(number(r, "dead-letter-offset")),
                            orDash(header(r, "ce_id")),
                            orDash(header(r, "ce_type")),
                            reason == null ? "-" : oneLine(reason)));
                }
            }
        }
        System.err.printf("dlq list: %d dead letters in %s%n", count, topics.isEmpty() ? "no dlq.* topic" : topics);
    }

    /** Every record of the topic, up to the end offsets at the time of the call. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            if (System.nanoTime() > deadline) {
                fail("could not read " + topic + " to its end within 60 s");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    out.add(r);
                }
            }
        }
        out.sort(Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return out;
    }

    static void dlqRepublish(Properties config, List<String> args) throws Exception {
        int partition = 0;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--partition")) {
                partition = Integer.parseInt(value(args, ++i, "--partition"));
            } else {
                positional.add(args.get(i));
            }
        }
        if (positional.size() != 2 || !positional.get(1).matches("[0-9]+")) {
            fail("usage: dlq republish DLQ_TOPIC OFFSET [--partition P]");
        }
        String dlq = positional.get(0);
        long offset = Long.parseLong(positional.get(1));
        TopicPartition source = new TopicPartition(dlq, partition);
        ConsumerRecord<byte[], byte[]> letter = null;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(config, "dlq-republish")) {
            partitions(consumer, dlq);
            consumer.assign(List.of(source));
            long end = consumer.endOffsets(List.of(source)).get(source);
            if (offset >= end) {
                fail("no record at " + dlq + "/" + partition + "@" + offset + " (end offset " + end + ")");
            }
            consumer.seek(source, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (letter == null && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() == offset) {
                        letter = r;
                    } else if (r.offset() > offset) {
                        fail("no record at " + dlq + "/" + partition + "@" + offset + " (deleted or compacted)");
                    }
                    break;
                }
            }
        }
        if (letter == null) {
            fail("could not read " + dlq + "/" + partition + "@" + offset + " within 30 s");
        }
        String topic = header(letter, "dead-letter-topic");
        if (topic == null || topic.isBlank()) {
            fail(dlq + "/" + partition + "@" + offset + " has no dead-letter-topic header: not a dead letter");
        }
        String originalPartition = number(letter, "dead-letter-partition");
        RecordHeaders headers = new RecordHeaders();
        for (Header h : letter.headers()) {
            if (!h.key().startsWith(DLQ_PREFIX)) {
                headers.add(h.key(), h.value());
            }
        }
        Properties props = new Properties();
        props.putAll(config);
        props.put("client.id", "careloop-stack-dlq-republish");
        props.put("acks", "all");
        props.put("max.block.ms", "15000");
        props.put("delivery.timeout.ms", "30000");
        props.put("request.timeout.ms", "10000");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            Integer target = null;
            if (originalPartition != null) {
                int p = Integer.parseInt(originalPartition);
                if (p < producer.partitionsFor(topic).size()) {
                    target = p; // where the event was: keeps its order relative to the key's other events
                }
            }
            RecordMetadata sent = producer.send(
                            new ProducerRecord<>(topic, target, letter.key(), letter.value(), headers))
                    .get(30, TimeUnit.SECONDS);
            System.out.printf(
                    "republished %s/%d@%d -> %s/%d@%d key=%s ce_id=%s ce_type=%s%n",
                    dlq,
                    partition,
                    offset,
                    sent.topic(),
                    sent.partition(),
                    sent.offset(),
                    letter.key() == null ? "(null)" : text(letter.key()),
                    orDash(header(letter, "ce_id")),
                    orDash(header(letter, "ce_type")));
        }
    }

    // ---------------------------------------------------------------- helpers

    static KafkaConsumer<byte[], byte[]> consumer(Properties config, String purpose) {
        Properties props = new Properties();
        props.putAll(config);
        props.remove("group.id");
        props.put("enable.auto.commit", "false");
        props.put("client.id", "careloop-stack-" + purpose);
        props.put("auto.offset.reset", "earliest");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            fail("no topic " + topic);
        }
        List<TopicPartition> out = new ArrayList<>();
        infos.forEach(p -> out.add(new TopicPartition(p.topic(), p.partition())));
        out.sort(BY_TOPIC_PARTITION);
        return out;
    }

    static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : text(h.value());
    }

    /** A numeric header: written as decimal text by SmallRye; a 4- or 8-byte big-endian number is read too. */
    static String number(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        String s = new String(h.value(), StandardCharsets.UTF_8).strip();
        if (s.matches("-?[0-9]+")) {
            return s;
        }
        if (h.value().length == 4) {
            return Integer.toString(ByteBuffer.wrap(h.value()).getInt());
        }
        if (h.value().length == 8) {
            return Long.toString(ByteBuffer.wrap(h.value()).getLong());
        }
        return s;
    }

    /** UTF-8 text, or base64:... for bytes that are not UTF-8. */
    static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }

    static String oneLine(String s) {
        return s.replaceAll("[\\t\\r\\n]+", " ");
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            fail(option + " needs a value");
        }
        return args.get(i);
    }

    static void fail(String message) {
        System.err.println("kafka: " + message);
        System.exit(1);
    }
}
