package org.careloop.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.careloop.testing.TestPaths;

/**
 * The whole system started by {@code deploy/local/stack} in a private state directory on its own ports, so it never
 * touches a developer's running stack. Each run starts from empty databases and a new Kafka log.
 */
final class Stack {

    static final int SCREENING_PORT = port("screening", 18081);
    static final int REFERRAL_PORT = port("referral", 18082);
    static final int DIRECTORY_PORT = port("directory", 18083);
    static final int NOTIFICATION_PORT = port("notification", 18084);
    static final int KEYCLOAK_PORT = port("keycloak", 18180);
    static final int KAFKA_PORT = port("kafka", 19092);
    static final int KAFKA_CONTROLLER_PORT = port("kafka-controller", 19093);
    static final String DB_PREFIX = "careloop_systest";
    static final List<String> SERVICES = List.of("screening", "referral", "directory", "notification");

    private final Path root = TestPaths.root();
    private final Path stateDir = root.resolve("system-tests/target/stack");

    String realmUrl() {
        return "http://localhost:" + KEYCLOAK_PORT + "/realms/careloop";
    }

    String kafkaBootstrap() {
        return "localhost:" + KAFKA_PORT;
    }

    void up() throws IOException {
        run("down"); // a previous run that was killed may have left processes behind
        deleteRecursively(stateDir);
        Files.createDirectories(stateDir);
        dropDatabases();
        run("up");
    }

    void down() throws IOException {
        run("down");
    }

    /** The last lines of every log of the stack, for failure messages. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(log);
                out.append("\n==> ").append(log).append(" <==\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException e) {
            out.append("(logs unreadable: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    private void run(String command) throws IOException {
        Path log = stateDir.resolveSibling("stack-" + command + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("deploy/local/stack").toString(), command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("deploy/local/stack " + command + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("deploy/local/stack " + command + " failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(log) + logTails());
        }
    }

    private Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("CARELOOP_STATE_DIR", stateDir.toString()),
                Map.entry("CARELOOP_SCREENING_PORT", Integer.toString(SCREENING_PORT)),
                Map.entry("CARELOOP_REFERRAL_PORT", Integer.toString(REFERRAL_PORT)),
                Map.entry("CARELOOP_DIRECTORY_PORT", Integer.toString(DIRECTORY_PORT)),
                Map.entry("CARELOOP_NOTIFICATION_PORT", Integer.toString(NOTIFICATION_PORT)),
                Map.entry("CARELOOP_KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT)),
                Map.entry("CARELOOP_KAFKA_PORT", Integer.toString(KAFKA_PORT)),
                Map.entry("CARELOOP_KAFKA_CONTROLLER_PORT", Integer.toString(KAFKA_CONTROLLER_PORT)),
                Map.entry("CARELOOP_DB_PREFIX", DB_PREFIX));
    }

    private void dropDatabases() {
        String host = env("CARELOOP_PG_HOST", "127.0.0.1");
        String port = env("CARELOOP_PG_PORT", "5432");
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(
                        url, env("CARELOOP_PG_USER", "postgres"), env("CARELOOP_PG_PASSWORD", ""));
                Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                s.execute("drop database if exists " + DB_PREFIX + "_" + service + " with (force)");
            }
        } catch (SQLException e) {
            // No PostgreSQL answering: the stack starts its own, with empty databases.
            System.out.println("No PostgreSQL at " + url + " (" + e.getMessage() + "); the stack will start one");
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int port(String name, int fallback) {
        return Integer.getInteger("systest.port." + name, fallback);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
