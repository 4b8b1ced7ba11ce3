import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Makes the broker's ACLs exactly those declared in deploy/kafka/acls.conf, and gives every principal named there
 * a SCRAM-SHA-512 credential if it has none (password from {@code <secrets>/kafka-<principal>.password}).
 * Idempotent: declared ACLs that exist are left alone, missing ones are created, undeclared ones are removed.
 * Run by deploy/local/stack as a single-file program, as the stack's super user:
 * {@code java -cp '<kafka libs>/*' EnsureAcls.java <admin client.properties> <acls.conf> <secrets dir>}.
 */
public class EnsureAcls {

    private static final int SCRAM_ITERATIONS = 8192;

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EnsureAcls <admin client.properties> <acls.conf> <secrets dir>");
            System.exit(2);
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
            props.load(in);
        }
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "careloop-ensure-acls");
        Set<AclBinding> declared = parse(Path.of(args[1]));
        Path secrets = Path.of(args[2]);
        try (Admin admin = Admin.create(props)) {
            ensureCredentials(admin, principals(declared), secrets);
            ensureAcls(admin, declared);
        }
    }

    /** The user names that the declared ACLs name, in file order. */
    static Set<String> principals(Collection<AclBinding> bindings) {
        Set<String> names = new LinkedHashSet<>();
        for (AclBinding b : bindings) {
            names.add(b.entry().principal().substring("User:".length()));
        }
        return names;
    }

    private static void ensureCredentials(Admin admin, Set<String> users, Path secrets) throws Exception {
        Map<String, UserScramCredentialsDescription> existing =
                admin.describeUserScramCredentials().all().get();
        List<UserScramCredentialAlteration> missing = new ArrayList<>();
        for (String user : users) {
            UserScramCredentialsDescription d = existing.get(user);
            boolean has = d != null
                    && d.credentialInfos().stream().anyMatch(i -> i.mechanism() == ScramMechanism.SCRAM_SHA_512);
            if (has) {
                continue;
            }
            Path file = secrets.resolve("kafka-" + user + ".password");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("no password for Kafka principal " + user + " (expected " + file + ")");
            }
            String password = Files.readString(file).strip();
            missing.add(new UserScramCredentialUpsertion(
                    user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password));
        }
        if (!missing.isEmpty()) {
            admin.alterUserScramCredentials(missing).all().get();
        }
        for (UserScramCredentialAlteration a : missing) {
            System.out.printf("credential of %s: created (SCRAM-SHA-512)%n", a.user());
        }
        System.out.printf("credentials: %d principals have SCRAM-SHA-512, %d created%n", users.size(), missing.size());
    }

    private static void ensureAcls(Admin admin, Set<AclBinding> declared) throws Exception {
        Set<AclBinding> present = new LinkedHashSet<>(
                admin.describeAcls(AclBindingFilter.ANY).values().get());
        List<AclBinding> toCreate =
                declared.stream().filter(b -> !present.contains(b)).toList();
        List<AclBinding> toDelete =
                present.stream().filter(b -> !declared.contains(b)).toList();
        if (!toCreate.isEmpty()) {
            admin.createAcls(toCreate).all().get();
        }
        if (!toDelete.isEmpty()) {
            admin.deleteAcls(toDelete.stream().map(AclBinding::toFilter).toList())
                    .all()
                    .get();
        }
        for (AclBinding b : toDelete) {
            System.out.println("acl removed (not declared): " + describe(b));
        }
        Map<String, int[]> perPrincipal = new TreeMap<>();
        for (AclBinding b : declared) {
            perPrincipal.computeIfAbsent(user(b), k -> new int[2])[0]++;
        }
        for (AclBinding b : toCreate) {
            perPrincipal.get(user(b))[1]++;
        }
        perPrincipal.forEach((user, n) -> System.out.printf("acls of %s: %d%s%n", user, n[0], n[1] == 0 ? "" : " (" + n[1] + " created)"));
        System.out.printf(
                "acls: %d declared, %d created, %d removed%n", declared.size(), toCreate.size(), toDelete.size());
    }

    private static String user(AclBinding b) {
        return b.entry().principal().substring("User:".length());
    }

    private static String describe(AclBinding b) {
        return b.entry().principal() + " " + b.entry().operation() + " "
                + b.pattern().resourceType().name().toLowerCase(Locale.ROOT) + ":" + b.pattern().name() + " ("
                + b.pattern().patternType().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** One binding per principal, resource and operation; ALLOW from any host. */
    static Set<AclBinding> parse(Path file) throws Exception {
        Set<AclBinding> bindings = new LinkedHashSet<>();
        Map<String, ResourceType> types = new LinkedHashMap<>();
        types.put("topic", ResourceType.TOPIC);
        types.put("group", ResourceType.GROUP);
        types.put("cluster", ResourceType.CLUSTER);
        types.put("transactional-id", ResourceType.TRANSACTIONAL_ID);
        int lineNo = 0;
        for (String raw : Files.readAllLines(file)) {
            lineNo++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + lineNo + ": ";
            String[] f = line.split("\\s+");
            if (f.length != 4) {
                throw new IllegalArgumentException(
                        where + "expected '<principal> <type>:<name> <literal|prefixed> <OPERATIONS>': " + raw);
            }
            if (!f[0].matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException(where + "bad principal '" + f[0] + "'");
            }
            int colon = f[1].indexOf(':');
            ResourceType type = colon < 0 ? null : types.get(f[1].substring(0, colon));
            String name = colon < 0 ? "" : f[1].substring(colon + 1);
            if (type == null || name.isEmpty()) {
                throw new IllegalArgumentException(where + "resource must be one of " + types.keySet()
                        + " followed by ':<name>': " + f[1]);
            }
            if (type == ResourceType.CLUSTER && !name.equals("kafka-cluster")) {
                throw new IllegalArgumentException(where + "the cluster resource is named kafka-cluster");
            }
            PatternType pattern =
                    switch (f[2]) {
                        case "literal" -> PatternType.LITERAL;
                        case "prefixed" -> PatternType.PREFIXED;
                        default -> throw new IllegalArgumentException(
                                where + "pattern type must be literal or prefixed: " + f[2]);
                    };
            if (pattern == PatternType.PREFIXED && name.equals("*")) {
                throw new IllegalArgumentException(where + "'*' is a literal wildcard, not a prefix");
            }
            for (String op : f[3].split(",")) {
                AclOperation operation = AclOperation.fromString(op);
                if (operation == AclOperation.UNKNOWN || operation == AclOperation.ANY) {
                    throw new IllegalArgumentException(where + "unknown operation '" + op + "'");
                }
                AclBinding binding = new AclBinding(
                        new ResourcePattern(type, name, pattern),
                        new AccessControlEntry("User:" + f[0], "*", operation, AclPermissionType.ALLOW));
                if (!bindings.add(binding)) {
                    throw new IllegalArgumentException(where + "duplicate: " + describe(binding));
                }
            }
        }
        return bindings;
    }
}
