package org.careloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak with the project's realm, started by the same script that runs the local stack
 * ({@code deploy/local/stack up keycloak}) in a private state directory on a free port, and stopped with it.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private static String realmUrl;
    private static Path stateDir;

    @Override
    public synchronized Map<String, String> start() {
        if (realmUrl == null) {
            try {
                int port = freePort();
                stateDir = Files.createDirectories(
                        TestPaths.scratch("keycloak-" + ProcessHandle.current().pid()));
                // Start-ups are serialized across test JVMs: the first one augments the shared Keycloak install.
                Path lock = Files.createDirectories(TestPaths.scratch("locks")).resolve("keycloak-start.lock");
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    stack("up", port);
                }
                realmUrl = "http://localhost:" + port + "/realms/careloop";
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        stack("down", port);
                    } catch (IOException e) {
                        System.err.println("Could not stop the test Keycloak: " + e.getMessage());
                    }
                }));
            } catch (IOException e) {
                throw new IllegalStateException("Could not start Keycloak for tests: " + e.getMessage(), e);
            }
        }
        return Map.of("quarkus.oidc.auth-server-url", realmUrl);
    }

    /** The realm URL of the running test Keycloak, e.g. {@code http://localhost:40123/realms/careloop}. */
    public static synchronized String realmUrl() {
        if (realmUrl == null) {
            throw new IllegalStateException("The test Keycloak is not running");
        }
        return realmUrl;
    }

    @Override
    public void stop() {
        // Keycloak lives as long as the test JVM; its shutdown hook stops it.
    }

    private static void stack(String command, int port) throws IOException {
        Path root = TestPaths.root();
        ProcessBuilder builder = new ProcessBuilder(
                        root.resolve("deploy/local/stack").toString(), command, "keycloak")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(stateDir.resolve("stack-" + command + ".log").toFile());
        builder.environment().put("CARELOOP_STATE_DIR", stateDir.toString());
        builder.environment().put("CARELOOP_KEYCLOAK_PORT", Integer.toString(port));
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("deploy/local/stack " + command + " keycloak timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("deploy/local/stack " + command + " keycloak failed (exit " + process.exitValue()
                    + "):\n" + Files.readString(stateDir.resolve("stack-" + command + ".log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
