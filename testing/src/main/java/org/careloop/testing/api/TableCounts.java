package org.careloop.testing.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Row counts of every table of a service's database, to prove that a run of requests wrote nothing. */
public final class TableCounts {

    private final String url;
    private final String user;
    private final String password;
    private final Set<String> ignored;

    /**
     * @param ignored tables that background work (consumers, timers, the outbox relay) may change at any time
     */
    public TableCounts(String url, String user, String password, Set<String> ignored) {
        this.url = url;
        this.user = user;
        this.password = password == null ? "" : password;
        this.ignored = ignored;
    }

    /** The row count of each table, once background work has stopped changing them for two seconds. */
    public Map<String, Long> settled() {
        Map<String, Long> last = now();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            sleep(2_000);
            Map<String, Long> current = now();
            if (current.equals(last)) {
                return current;
            }
            last = current;
        }
        return last;
    }

    /** The row count of each table now. */
    public Map<String, Long> now() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (ignored.contains(table) || table.startsWith("flyway")) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count rows at " + url, e);
        }
        return counts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
