package org.careloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * deploy/kafka/acls.conf follows the actual flows with least privilege: each service reads exactly the topics its
 * channels consume (application.properties), with its own group; every event topic has one writer; dead letters are
 * written only by their service; integrators reach no internal topic.
 */
class KafkaAclsTests {

    private static final Path ROOT = Path.of(System.getProperty("careloop.root", ".."));
    private static final List<String> SERVICES =
            List.of("screening-service", "referral-service", "directory-service", "notification-service");

    record Acl(String principal, String type, String name, String pattern, Set<String> operations) {
        boolean on(String type, String name) {
            return this.type.equals(type) && this.name.equals(name) && pattern.equals("literal");
        }

        /** Whether this ACL would apply to the resource. */
        boolean covers(String type, String name) {
            return this.type.equals(type)
                    && switch (pattern) {
                        case "literal" -> this.name.equals("*") || this.name.equals(name);
                        case "prefixed" -> name.startsWith(this.name);
                        default -> false;
                    };
        }
    }

    private static final List<Acl> ACLS = parse();

    @Test
    void everyLineIsWellFormedAndNamesDeclaredTopics() {
        assertThat(ACLS).isNotEmpty();
        for (Acl acl : ACLS) {
            assertThat(acl.type()).isIn("topic", "group", "cluster", "transactional-id");
            assertThat(acl.pattern()).isIn("literal", "prefixed");
            assertThat(acl.operations()).doesNotContain("ALL");
            if (acl.type().equals("topic")
                    && acl.pattern().equals("literal")
                    && !acl.name().equals("*")) {
                assertThat(Topics.ALL).as("topic of %s", acl).contains(acl.name());
            }
        }
    }

    @Test
    void eachServiceReadsExactlyTheTopicsItConsumesWithItsOwnGroup() throws IOException {
        for (String service : SERVICES) {
            Set<String> consumed = consumedTopics(service);
            Set<String> read = ACLS.stream()
                    .filter(a -> a.principal().equals(service) && a.type().equals("topic"))
                    .filter(a -> a.operations().contains("READ"))
                    .map(Acl::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(read).as("topics %s reads", service).isEqualTo(consumed);
            List<Acl> groups = ACLS.stream()
                    .filter(a -> a.principal().equals(service) && a.type().equals("group"))
                    .toList();
            if (consumed.isEmpty()) {
                assertThat(groups)
                        .as("groups of %s, which consumes nothing", service)
                        .isEmpty();
                assertThat(ACLS)
                        .noneMatch(
                                a -> a.principal().equals(service) && a.name().startsWith("dlq."));
            } else {
                assertThat(groups).as("groups of %s", service).singleElement().satisfies(g -> {
                    assertThat(g.on("group", service)).isTrue();
                    assertThat(g.operations()).contains("READ");
                });
                assertThat(ACLS)
                        .as("%s writes its dead letters", service)
                        .anyMatch(a -> a.principal().equals(service)
                                && a.on("topic", "dlq." + service)
                                && a.operations().contains("WRITE"));
            }
        }
    }

    @Test
    void everyTopicHasOneWriterAndOnlyServicesWrite() {
        for (String topic : Topics.ALL) {
            List<String> writers = ACLS.stream()
                    .filter(a -> a.covers("topic", topic) && a.operations().contains("WRITE"))
                    .map(Acl::principal)
                    .toList();
            assertThat(writers).as("writers of %s", topic).hasSize(1);
            assertThat(SERVICES).contains(writers.get(0));
            if (topic.startsWith("dlq.")) {
                assertThat(writers).containsExactly(topic.substring("dlq.".length()));
            }
        }
        assertThat(ACLS)
                .filteredOn(
                        a -> a.operations().contains("WRITE") || a.operations().contains("CREATE"))
                .allMatch(a -> SERVICES.contains(a.principal()));
    }

    @Test
    void theIntegratorReadsOnlyItsOrganizationsPartnerStream() {
        List<Acl> integrator = ACLS.stream()
                .filter(a -> a.principal().equals("integration-partner"))
                .toList();
        assertThat(integrator).isNotEmpty();
        for (String topic : Topics.ALL) {
            assertThat(integrator).noneMatch(a -> a.covers("topic", topic));
        }
        assertThat(integrator)
                .filteredOn(a -> a.type().equals("topic"))
                .allMatch(a -> a.pattern().equals("prefixed") && a.name().equals("partner.org-eastside-clinic."));
        assertThat(integrator)
                .filteredOn(a -> a.type().equals("group"))
                .allMatch(a -> a.pattern().equals("prefixed") && a.name().equals("integration-partner"));
        assertThat(integrator).allMatch(a -> Set.of("READ", "DESCRIBE").containsAll(a.operations()));
        assertThat(ACLS)
                .as("referral-service creates and writes the partner streams")
                .anyMatch(a -> a.principal().equals("referral-service")
                        && a.covers("topic", "partner.org-eastside-clinic.referrals")
                        && a.operations().containsAll(Set.of("CREATE", "WRITE")));
    }

    @Test
    void theOperatorReadsEverythingAndWritesNothing() {
        List<Acl> operator =
                ACLS.stream().filter(a -> a.principal().equals("operator")).toList();
        for (String topic : Topics.ALL) {
            assertThat(operator)
                    .anyMatch(a -> a.covers("topic", topic) && a.operations().contains("READ"));
        }
        assertThat(operator)
                .anyMatch(a ->
                        a.covers("group", "referral-service") && a.operations().contains("DESCRIBE"));
        assertThat(operator)
                .allMatch(a -> Set.of("READ", "DESCRIBE", "DESCRIBE_CONFIGS").containsAll(a.operations()));
    }

    /** The topics of a service's incoming Kafka channels (the channel name, unless the channel names a topic). */
    private static Set<String> consumedTopics(String service) throws IOException {
        Properties props = new Properties();
        try (Reader in =
                Files.newBufferedReader(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            props.load(in);
        }
        Set<String> topics = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".connector")) {
                String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".connector".length());
                topics.add(props.getProperty("mp.messaging.incoming." + channel + ".topic", channel));
            }
        }
        return topics;
    }

    private static List<Acl> parse() {
        try {
            List<Acl> acls = new ArrayList<>();
            for (String raw : Files.readAllLines(ROOT.resolve("deploy/kafka/acls.conf"))) {
                String line = raw.replaceFirst("#.*", "").strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\\s+");
                assertThat(f).as("line '%s'", raw).hasSize(4);
                int colon = f[1].indexOf(':');
                assertThat(colon).as("resource of '%s'", raw).isPositive();
                acls.add(new Acl(
                        f[0],
                        f[1].substring(0, colon),
                        f[1].substring(colon + 1),
                        f[2],
                        new TreeSet<>(List.of(f[3].split(",")))));
            }
            return acls;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
