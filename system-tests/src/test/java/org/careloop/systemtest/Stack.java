package org.careloop.systemtest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.careloop.testing.TestPaths;

/**
 * The whole system started by {@code deploy/local/stack} in a private state directory on its own ports, so it never
 * touches a developer's running stack: its own PostgreSQL cluster (so that a test may stop and start it), Kafka,
 * Keycloak and the four services as separate processes. One stack serves every system test of the run: it starts on
 * first use and stops when the test JVM exits. Each run starts from empty databases and a new Kafka log.
 */
final class Stack {

    static final int SCREENING_PORT = port("screening", 18081);
    static final int REFERRAL_PORT = port("referral", 18082);
    static final int DIRECTORY_PORT = port("directory", 18083);
    static final int NOTIFICATION_PORT = port("notification", 18084);
    static final int KEYCLOAK_PORT = port("keycloak", 18180);
    static final int KAFKA_PORT = port("kafka", 19092);
    static final int KAFKA_CONTROLLER_PORT = port("kafka-controller", 19093);
    static final int POSTGRES_PORT = port("postgres", 15432);
    /** The stack's mail server (GreenMail): SMTP, IMAP (a mailbox per recipient, login = address), REST API. */
    static final int SMTP_PORT = port("smtp", 13025);

    static final int IMAP_PORT = port("imap", 13143);
    static final int MAIL_API_PORT = port("mail-api", 13080);
    static final String DB_PREFIX = "careloop_systest";
    static final List<String> SERVICES = List.of("screening", "referral", "directory", "notification");

    private static Stack shared;

    private final Path root = TestPaths.root();
    // Under the system's temp folder rather than target/: the private PostgreSQL cluster runs as the postgres OS user,
    // which must be able to reach its data folder whatever the checkout's parents allow.
    private final Path stateDir = Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("careloop-systest-" + checkoutId())
            .resolve("stack");

    private Stack() {}

    /** The stack of this test run, started on first use. */
    static synchronized Stack shared() throws IOException {
        if (shared == null) {
            Stack stack = new Stack();
            stack.up();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    stack.run("down");
                } catch (IOException e) {
                    System.err.println("Could not stop the system-test stack: " + e.getMessage());
                }
            }));
            shared = stack;
        }
        return shared;
    }

    String realmUrl() {
        return "http://localhost:" + KEYCLOAK_PORT + "/realms/careloop";
    }

    String kafkaBootstrap() {
        return "localhost:" + KAFKA_PORT;
    }

    /**
     * Kafka client configuration of one of the stack's principals (SASL/SCRAM, the password the stack generated in its
     * state dir), e.g. {@code operator}, which may read every topic with groups named {@code operator*}.
     */
    Properties kafkaClient(String principal) {
        Path file = stateDir.resolve("secrets").resolve("kafka-" + principal + ".properties");
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no Kafka client configuration for " + principal + " at " + file, e);
        }
        props.put("bootstrap.servers", kafkaBootstrap());
        return props;
    }

    /** The operator's Kafka configuration with a fresh consumer group of its own, reading from the beginning. */
    Properties kafkaReader() {
        Properties props = kafkaClient("operator");
        props.put("group.id", "operator-systest-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        return props;
    }

    private void up() throws IOException {
        run("down"); // a previous run that was killed may have left processes behind
        deleteRecursively(stateDir);
        Files.createDirectories(stateDir);
        run("up");
    }

    /** Stops one service the way {@code stack down services} does: SIGTERM, then waits for it to exit. */
    void stopService(String service) throws IOException {
        Path pidFile = stateDir.resolve("run").resolve(service + "-service.pid");
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IOException(service + " is not running"));
        handle.destroy(); // SIGTERM: a graceful shutdown
        try {
            handle.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(service + "-service did not stop within 60 s", e);
        }
    }

    /** Starts the services that are not running (and waits until they are ready). */
    void startServices() throws IOException {
        run("up", "services");
    }

    void stopPostgres() throws IOException {
        run("down", "postgres");
    }

    void startPostgres() throws IOException {
        run("up", "postgres");
    }

    /** A JDBC connection to one service's database, for counting what the services wrote. */
    Connection database(String service) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/" + DB_PREFIX + "_" + service, "postgres", "");
    }

    /** The last lines of every log of the stack, for failure messages. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(stateDir)) {
            for (Path log : files.filter(p -> p.toString().endsWith(".log")).toList()) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                out.append("\n==> ").append(log).append(" <==\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            out.append("(logs unreadable: ").append(e.getMessage()).append(")");
        }
        return out.toString();
    }

    private void run(String... command) throws IOException {
        Path log = stateDir.resolveSibling("stack-" + String.join("-", command) + ".log");
        Files.createDirectories(log.getParent());
        List<String> line = new java.util.ArrayList<>();
        line.add(root.resolve("deploy/local/stack").toString());
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("deploy/local/stack " + String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("deploy/local/stack " + String.join(" ", command) + " failed (exit "
                    + process.exitValue() + "):\n" + Files.readString(log) + logTails());
        }
    }

    /** The environment every {@code deploy/local/stack} command of this stack runs with (state dir, ports). */
    Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("CARELOOP_STATE_DIR", stateDir.toString()),
                Map.entry("CARELOOP_SCREENING_PORT", Integer.toString(SCREENING_PORT)),
                Map.entry("CARELOOP_REFERRAL_PORT", Integer.toString(REFERRAL_PORT)),
                Map.entry("CARELOOP_DIRECTORY_PORT", Integer.toString(DIRECTORY_PORT)),
                Map.entry("CARELOOP_NOTIFICATION_PORT", Integer.toString(NOTIFICATION_PORT)),
                Map.entry("CARELOOP_KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT)),
                Map.entry("CARELOOP_KAFKA_PORT", Integer.toString(KAFKA_PORT)),
                Map.entry("CARELOOP_KAFKA_CONTROLLER_PORT", Integer.toString(KAFKA_CONTROLLER_PORT)),
                Map.entry("CARELOOP_SMTP_PORT", Integer.toString(SMTP_PORT)),
                Map.entry("CARELOOP_IMAP_PORT", Integer.toString(IMAP_PORT)),
                Map.entry("CARELOOP_MAIL_API_PORT", Integer.toString(MAIL_API_PORT)),
                Map.entry("CARELOOP_PG_HOST", "127.0.0.1"),
                Map.entry("CARELOOP_PG_PORT", Integer.toString(POSTGRES_PORT)),
                Map.entry("CARELOOP_DB_PREFIX", DB_PREFIX));
    }

    private String checkoutId() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(root.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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

    /** What a stack command printed. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** Runs {@code deploy/local/stack ARGS} with the system tests' state dir and ports, as an operator would. */
    Result command(String... args) throws IOException, InterruptedException {
        Path root = org.careloop.testing.TestPaths.root();
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("deploy/local/stack").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("stack-command-", ".out");
        Path err = Files.createTempFile("stack-command-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment());
            Process process = builder.start();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("deploy/local/stack " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
