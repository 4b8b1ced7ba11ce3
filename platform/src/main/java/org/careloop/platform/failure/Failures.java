package org.careloop.platform.failure;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.persistence.OptimisticLockException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells failures that go away by themselves from those that do not. A dependency that is down, restarting or
 * shutting down (PostgreSQL refusing connections, a pool closed while the service stops, a timeout) is
 * <em>unavailable</em>: a REST call answers 503 and a consumer keeps retrying. A conflict between concurrent writers
 * is <em>transient</em> too. Anything else is a defect or bad data.
 */
public final class Failures {

    /** SQLSTATE classes and codes of a database that is unreachable, out of resources or shutting down. */
    private static final String[] UNAVAILABLE_SQLSTATE_PREFIXES = {"08", "53", "57P", "58"};

    /** SQLSTATEs of conflicts between concurrent transactions: serialization failure, deadlock, lock timeout. */
    private static final String[] CONFLICT_SQLSTATES = {"40001", "40P01", "55P03", "57014"};

    /** Messages of the Vert.x clients that carry no better type. */
    private static final String[] UNAVAILABLE_MESSAGES = {
        "pool closed",
        "connection refused",
        "connection was closed",
        "connection reset",
        "connection may have been lost",
        "connection is closed",
        "the database system is",
        "terminating connection",
        "timed out",
        "timeout"
    };

    private Failures() {}

    /** A dependency is down, restarting or shutting down: retry later (REST: 503 with Retry-After). */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof SocketException
                    || t instanceof ClosedChannelException
                    || t instanceof ClosedConnectionException
                    || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof JDBCConnectionException
                    || t instanceof RetriableException) {
                return true;
            }
            if (t instanceof PgException pg && startsWithAny(pg.getSqlState(), UNAVAILABLE_SQLSTATE_PREFIXES)) {
                return true;
            }
            if (!(t instanceof PgException) && containsAny(t.getMessage(), UNAVAILABLE_MESSAGES)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure that a later attempt can overcome without anything changing in the data: the dependency is
     * unavailable, or a concurrent transaction won a race (serialization failure, deadlock, optimistic lock).
     */
    public static boolean isTransient(Throwable failure) {
        if (isUnavailable(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && startsWithAny(pg.getSqlState(), CONFLICT_SQLSTATES)) {
                return true;
            }
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** Optimistic locking found that another transaction changed the row first. */
    public static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE of the first PostgreSQL error in the chain, null when there is none. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return pg.getSqlState();
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean startsWithAny(String value, String[] prefixes) {
        if (value == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (value.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String message, String[] fragments) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        for (String fragment : fragments) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
