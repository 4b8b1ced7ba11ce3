import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics declared in deploy/kafka/topics.conf that are missing, and aligns retention.ms
 * and cleanup.policy of those that exist. Idempotent. Run by deploy/local/stack as a single-file program:
 * {@code java -cp '<kafka libs>/*' EnsureTopics.java <bootstrap> <topics.conf> [client.properties]}; the optional
 * client properties (security.protocol, sasl.*) authenticate it, as the stack's super user.
 */
public class EnsureTopics {

    record Topic(String name, int partitions, long retentionMs, String cleanupPolicy) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: EnsureTopics <bootstrap-servers> <topics.conf> [client.properties]");
            System.exit(2);
        }
        Map<String, Topic> declared = parse(Path.of(args[1]));
        Properties props = new Properties();
        if (args.length == 3) {
            try (Reader in = Files.newBufferedReader(Path.of(args[2]))) {
                props.load(in);
            }
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "careloop-ensure-topics");
        int problems = 0;
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic t : declared.values()) {
                if (!existing.contains(t.name())) {
                    missing.add(new NewTopic(t.name(), t.partitions(), (short) 1)
                            .configs(Map.of(
                                    "retention.ms", Long.toString(t.retentionMs()),
                                    "cleanup.policy", t.cleanupPolicy())));
                }
            }
            for (var e : admin.createTopics(missing).values().entrySet()) {
                try {
                    e.getValue().get();
                    Topic t = declared.get(e.getKey());
                    System.out.printf("topic %s: created (%d partitions, retention.ms=%d, cleanup.policy=%s)%n",
                            t.name(), t.partitions(), t.retentionMs(), t.cleanupPolicy());
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof TopicExistsException) {
                        System.out.printf("topic %s: exists (created concurrently)%n", e.getKey());
                    } else {
                        System.err.printf("topic %s: FAILED to create: %s%n", e.getKey(), ex.getCause());
                        problems++;
                    }
                }
            }
            List<String> present = declared.keySet().stream().filter(existing::contains).toList();
            if (!present.isEmpty()) {
                problems += alignExisting(admin, declared, present);
            }
        }
        System.exit(problems == 0 ? 0 : 1);
    }

    private static int alignExisting(Admin admin, Map<String, Topic> declared, Collection<String> names)
            throws Exception {
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
                .toList();
        var configs = admin.describeConfigs(resources).all().get();
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
        for (ConfigResource r : resources) {
            Topic t = declared.get(r.name());
            int partitions = descriptions.get(r.name()).partitions().size();
            ConfigEntry retention = configs.get(r).get("retention.ms");
            String current = retention == null ? null : retention.value();
            ConfigEntry cleanup = configs.get(r).get("cleanup.policy");
            String currentCleanup = cleanup == null ? null : cleanup.value();
            List<AlterConfigOp> ops = new ArrayList<>();
            String note = "";
            if (partitions != t.partitions()) {
                note = " WARNING: has " + partitions + " partitions, declared " + t.partitions()
                        + " (not changed automatically)";
            }
            if (!Long.toString(t.retentionMs()).equals(current)) {
                ops.add(new AlterConfigOp(
                        new ConfigEntry("retention.ms", Long.toString(t.retentionMs())), AlterConfigOp.OpType.SET));
                note += " retention.ms " + current + " -> " + t.retentionMs();
            }
            if (!t.cleanupPolicy().equals(currentCleanup)) {
                ops.add(new AlterConfigOp(
                        new ConfigEntry("cleanup.policy", t.cleanupPolicy()), AlterConfigOp.OpType.SET));
                note += " cleanup.policy " + currentCleanup + " -> " + t.cleanupPolicy();
            }
            if (!ops.isEmpty()) {
                changes.put(r, ops);
            }
            System.out.printf("topic %s: exists%s%n", r.name(), note);
        }
        if (!changes.isEmpty()) {
            try {
                admin.incrementalAlterConfigs(changes).all().get();
            } catch (ExecutionException ex) {
                System.err.println("FAILED to update topic configs: " + ex.getCause());
                return 1;
            }
        }
        return 0;
    }

    static Map<String, Topic> parse(Path file) throws Exception {
        Map<String, Topic> topics = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : Files.readAllLines(file)) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length < 3 || f.length > 4 || !f[0].matches("[a-zA-Z0-9._-]+")) {
                throw new IllegalArgumentException(
                        file + ":" + lineNo + ": expected '<name> <partitions> <retention_ms> [cleanup_policy]': " + raw);
            }
            String cleanupPolicy = f.length == 4 ? f[3] : "delete";
            if (!cleanupPolicy.matches("delete|compact|compact,delete")) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": cleanup policy must be delete, compact or compact,delete: " + raw);
            }
            int partitions = Integer.parseInt(f[1]);
            long retention = Long.parseLong(f[2]);
            if (partitions < 1 || retention < -1) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": bad partitions or retention: " + raw);
            }
            if (topics.put(f[0], new Topic(f[0], partitions, retention, cleanupPolicy)) != null) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": duplicate topic " + f[0]);
            }
        }
        return topics;
    }
}
