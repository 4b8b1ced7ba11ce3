package org.careloop.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Queries over the outbox table. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /** Lock namespace (first key of the two-key advisory lock) of the per-key writer lock. */
    static final int KEY_LOCK_NAMESPACE = 7283;

    /**
     * Topic locks: every writer holds its topic's lock shared; a bulk append of more than {@link #BULK_KEYS} keys
     * holds it exclusive instead of one lock per key.
     */
    static final int TOPIC_LOCK_NAMESPACE = 7284;

    /** Above this many keys in one append, the topic is locked instead of each key. */
    static final int BULK_KEYS = 64;

    /**
     * Takes the relay lock for the current transaction. One relay per database publishes at a time, which keeps
     * per-key order even with several instances of a service.
     */
    public Uni<Boolean> tryRelayLock() {
        return getSession().chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(7283001)", Boolean.class)
                .getSingleResult());
    }

    /**
     * Takes the writer lock of one key until the transaction ends (and its topic's lock, shared). Rows of a key then get
     * their ids in the order their transactions commit, so the relay, which publishes in id order, publishes them in
     * that order too.
     */
    public Uni<Void> lockKey(String topic, String key) {
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock_shared(" + TOPIC_LOCK_NAMESPACE
                                        + ", hashtext(:topic)), pg_advisory_xact_lock(" + KEY_LOCK_NAMESPACE
                                        + ", hashtext(:key))) l",
                                Long.class)
                        .setParameter("topic", topic)
                        .setParameter("key", topic + "|" + key)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Takes the writer locks of many keys of one topic until the transaction ends, in the order given (as
     * {@link #lockKey} for each, in one statement); beyond {@link #BULK_KEYS} keys, the topic's lock, exclusive,
     * instead: a transaction that appends for 100,000 keys in chunks would otherwise fill the lock table
     * ({@code max_locks_per_transaction}), while the topic lock is one entry however often it is taken.
     *
     * @param keysJson a JSON array of the keys
     * @param count how many keys
     */
    public Uni<Void> lockKeys(String topic, String keysJson, int count) {
        if (count > BULK_KEYS) {
            // Too many keys for the lock table (max_locks_per_transaction): the topic's writer lock, exclusive, waits
            // for every transaction writing to the topic and keeps them out until this one ends (see lockKey).
            return getSession()
                    .chain(s -> s.createNativeQuery(
                                    "select count(*) from (select pg_advisory_xact_lock(" + TOPIC_LOCK_NAMESPACE
                                            + ", hashtext(:topic))) l",
                                    Long.class)
                            .setParameter("topic", topic)
                            .getSingleResult())
                    .replaceWithVoid();
        }
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock_shared(" + TOPIC_LOCK_NAMESPACE
                                        + ", hashtext(:topic))) l",
                                Long.class)
                        .setParameter("topic", topic)
                        .getSingleResult())
                .chain(() -> lockEach(topic, keysJson));
    }

    private Uni<Void> lockEach(String topic, String keysJson) {
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(" + KEY_LOCK_NAMESPACE
                                        + ", hashtext(:topic || '|' || k.key)) from (select key, n from"
                                        + " jsonb_array_elements_text(cast(cast(:keys as text) as jsonb)) with ordinality as t(key, n)"
                                        + " order by n) k) l",
                                Long.class)
                        .setParameter("topic", topic)
                        .setParameter("keys", keysJson)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Inserts events in one statement, in the order given (their ids follow it).
     *
     * @param rowsJson a JSON array of objects with the fields event_id, topic, event_key, event_type, source, subject,
     *     payload and created_at
     */
    public Uni<Void> insertAll(String rowsJson) {
        return getSession()
                .chain(s ->
                        s.createNativeQuery("""
                                insert into outbox_event (event_id, topic, event_key, event_type, source, subject, payload,
                                                          created_at, attempts)
                                select (e ->> 'event_id')::uuid, e ->> 'topic', e ->> 'event_key', e ->> 'event_type',
                                       e ->> 'source', e ->> 'subject', e ->> 'payload', (e ->> 'created_at')::timestamptz, 0
                                from jsonb_array_elements(cast(cast(:rows as text) as jsonb)) with ordinality as t(e, n)
                                order by n""").setParameter("rows", rowsJson).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<OutboxEvent>> findUnsent(int limit) {
        return find("sentAt is null and parkedAt is null order by id")
                .page(0, limit)
                .list();
    }

    public Uni<Integer> markSent(List<Long> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return update("sentAt = ?1 where id in ?2", sentAt, ids);
    }

    public Uni<Long> deleteSentBefore(Instant cutoff) {
        return delete("sentAt < ?1", cutoff);
    }

    public Uni<Long> countUnsent() {
        return count("sentAt is null and parkedAt is null");
    }

    /** Backlog figures: unsent rows that are not parked, the oldest one's creation time, and parked rows. */
    public Uni<BacklogStats> backlog() {
        return getSession()
                .chain(s -> s.createNativeQuery("""
                                select count(*) filter (where parked_at is null),
                                       min(created_at) filter (where parked_at is null),
                                       count(*) filter (where parked_at is not null)
                                from outbox_event where sent_at is null
                                """, Object[].class).getSingleResult())
                .map(row -> new BacklogStats(
                        ((Number) row[0]).longValue(), toInstant(row[1]), ((Number) row[2]).longValue()));
    }

    /** One page of parked (or, with {@code parked} false, pending) rows, oldest first. */
    public Uni<List<OutboxEvent>> findPage(boolean parked, int page, int size) {
        String query = parked ? "sentAt is null and parkedAt is not null" : "sentAt is null and parkedAt is null";
        return find(query, Sort.by("id")).page(page, size).list();
    }

    public Uni<Long> countPage(boolean parked) {
        return count(parked ? "sentAt is null and parkedAt is not null" : "sentAt is null and parkedAt is null");
    }

    /** Puts a parked row back in the queue with a fresh attempt count; false when it is not parked. */
    public Uni<Boolean> unpark(long id) {
        return update(
                        "parkedAt = null, attempts = 0, lastError = null where id = ?1 and parkedAt is not null"
                                + " and sentAt is null",
                        id)
                .map(n -> n > 0);
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    /**
     * The outbox backlog.
     *
     * @param pending unsent rows that are not parked
     * @param oldestPending when the oldest of them was written, null when there is none
     * @param parked rows parked after too many failed attempts
     */
    public record BacklogStats(long pending, Instant oldestPending, long parked) {}
}
