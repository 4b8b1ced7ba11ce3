package org.careloop.notification.delivery.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.notification.delivery.Delivery;
import org.careloop.notification.delivery.DeliveryState;

/** Queries over deliveries: the worker's claim and its record of attempts, the API's lists. */
@ApplicationScoped
@WithSession
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /**
     * Claims due deliveries, oldest first: each is the earliest open delivery of its destination and order key (so a
     * referral's notices reach a destination in order, one at a time), and its destination is not held. Claimed rows
     * become SENDING under a lease; {@code skip locked} lets loops and instances claim side by side.
     */
    private static final String CLAIM = """
            with due as materialized (
                select d.id from delivery d
                where d.state = 'PENDING' and d.next_attempt_at <= :now
                  and not exists (
                      select 1 from delivery_hold h where h.channel = d.channel and h.target = d.target)
                order by d.next_attempt_at
                limit :limit
                for update of d skip locked)
            update delivery d set state = 'SENDING', lease_until = :lease, attempts = d.attempts + 1,
                last_attempt_at = :now
            from due where d.id = due.id
            returning d.*
            """;

    /** A claimed delivery that shares its lane with another of the same batch goes back, to wait for it. */
    private static final String UNCLAIM = """
            update delivery set state = 'PENDING', lease_until = null, attempts = attempts - 1,
                next_attempt_at = timestamptz '9999-01-01 00:00:00+00'
            where id in (:ids) and state = 'SENDING'
            """;

    /** The lanes (order key, channel, target) of these order keys that have a delivery pending or being sent. */
    private static final String OPEN_LANES = """
            select distinct cast(order_key as text), channel, target from delivery
            where state in ('PENDING', 'SENDING') and order_key in (:keys)
            """;

    /** The next delivery of each lane whose delivery ended becomes due, unless its destination is held. */
    private static final String RELEASE_NEXT = """
            update delivery set next_attempt_at = :now
            where id in (
                select distinct on (d.order_key, d.channel, d.target) d.id
                from delivery d
                join jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                    as r(order_key uuid, channel text, target text)
                  on d.order_key = r.order_key and d.channel = r.channel and d.target = r.target
                where d.state in ('PENDING', 'SENDING')
                order by d.order_key, d.channel, d.target, d.seq)
              and state = 'PENDING' and next_attempt_at = timestamptz '9999-01-01 00:00:00+00'
              and not exists (
                  select 1 from delivery_hold h where h.channel = delivery.channel and h.target = delivery.target)
            """;

    /** A held destination's pending deliveries wait for its resumption. */
    private static final String PARK = """
            update delivery set next_attempt_at = timestamptz '9999-01-01 00:00:00+00'
            where channel = :channel and target = :target and state = 'PENDING'
            """;

    /** A resumed destination: the first pending delivery of each lane is due now. */
    private static final String UNPARK = """
            update delivery set next_attempt_at = :now
            where id in (
                select distinct on (order_key) id from delivery
                where channel = :channel and target = :target and state in ('PENDING', 'SENDING')
                order by order_key, seq)
              and state = 'PENDING'
            """;

    private static final String HOLDS = "select channel, target from delivery_hold";

    /**
     * Serializes the decisions about a lane until the transaction ends: whether a new delivery waits (it sees the
     * lane's open deliveries) and releasing the next one when a delivery ends. Without it a delivery could be queued to
     * wait for one whose end was recorded at the same moment, and wait for ever. Taken in one order (by key), so two
     * transactions never wait for each other.
     */
    private static final String LOCK_LANES = """
            select count(pg_advisory_xact_lock(k)) from (
                select distinct hashtextextended(l, 0) as k
                from jsonb_array_elements_text(cast(cast(:lanes as text) as jsonb)) as l
                order by k) as keys
            """;

    /** Deliveries whose worker died while sending them go back to the queue. */
    /** New deliveries in one statement, in list order (their seq follows it). */
    private static final String INSERT = """
            insert into delivery (id, notice_id, notice_type, channel, target, organization_id, referral_id, order_key,
                language, notice, state, attempts, next_attempt_at, created_at, occurred_at, replay_of)
            select r.id, r.notice_id, r.notice_type, r.channel, r.target, r.organization_id, r.referral_id, r.order_key,
                r.language, r.notice, 'PENDING', 0, r.next_attempt_at, r.created_at, r.occurred_at, r.replay_of
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                as r(ord integer, id uuid, notice_id uuid, notice_type text, channel text, target text,
                     organization_id text, referral_id uuid, order_key uuid, language text, notice text,
                     next_attempt_at timestamptz, created_at timestamptz, occurred_at timestamptz, replay_of uuid)
            order by r.ord
            """;

    private static final String EXPIRE_LEASES = """
            update delivery set state = 'PENDING', lease_until = null, next_attempt_at = :now
            where state = 'SENDING' and lease_until < :now
            """;

    /** The outcome of a batch of attempts, one statement: the rows travel as one JSON text parameter. */
    private static final String RECORD = """
            update delivery d set
                state = r.state,
                next_attempt_at = coalesce(r.next_attempt_at, d.next_attempt_at),
                lease_until = null,
                delivered_at = r.delivered_at,
                last_status = r.status,
                last_latency_ms = r.latency_ms,
                last_error = r.error
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                as r(id uuid, state text, next_attempt_at timestamptz, delivered_at timestamptz, status integer,
                     latency_ms bigint, error text)
            where d.id = r.id and d.state = 'SENDING'
            """;

    private static final String INSERT_ATTEMPTS = """
            insert into delivery_attempt (delivery_id, attempt, attempted_at, delivered, response_status, latency_ms,
                error)
            select r.delivery_id, r.attempt, r.attempted_at, r.delivered, r.status, r.latency_ms, r.error
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                as r(delivery_id uuid, attempt integer, attempted_at timestamptz, delivered boolean, status integer,
                     latency_ms bigint, error text)
            on conflict do nothing
            """;

    private static final String RESUME_FAILED = """
            update delivery set state = 'PENDING', next_attempt_at = timestamptz '9999-01-01 00:00:00+00', attempts = 0
            where channel = :channel and target = :target and state = 'FAILED'
            """;

    private static final String CANCEL_OPEN = """
            update delivery set state = 'CANCELLED', lease_until = null, last_error = :reason
            where channel = :channel and target = :target and state in ('PENDING', 'FAILED')
            """;

    private static final String HOLD = """
            insert into delivery_hold (channel, target, reason, held_at) values (:channel, :target, :reason, :now)
            on conflict (channel, target) do update set reason = excluded.reason
            """;

    private static final String RELEASE = "delete from delivery_hold where channel = :channel and target = :target";

    private static final String PENDING_BY_CHANNEL = """
            select channel, count(*), min(next_attempt_at) from delivery
            where state in ('PENDING', 'SENDING') group by channel
            """;

    private final ObjectMapper mapper;

    public DeliveryRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores new (pending) deliveries with one statement; returns how many. */
    public Uni<Integer> insertAll(List<Delivery> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Delivery d = list.get(i);
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("ord", i);
            row.put("id", d.id.toString());
            row.put("notice_id", d.noticeId.toString());
            row.put("notice_type", d.noticeType);
            row.put("channel", d.channel);
            row.put("target", d.target);
            row.put("organization_id", d.organizationId);
            row.put("referral_id", d.referralId == null ? null : d.referralId.toString());
            row.put("order_key", d.orderKey.toString());
            row.put("language", d.language);
            row.put("notice", d.notice);
            row.put("next_attempt_at", d.nextAttemptAt.toString());
            row.put("created_at", d.createdAt.toString());
            row.put("occurred_at", d.occurredAt.toString());
            row.put("replay_of", d.replayOf == null ? null : d.replayOf.toString());
            rows.add(row);
        }
        String json = json(rows);
        return getSession()
                .chain(s ->
                        s.createNativeQuery(INSERT).setParameter("rows", json).executeUpdate());
    }

    /** Claims up to {@code limit} due deliveries (see {@link #CLAIM}); in the caller's transaction. */
    public Uni<List<Delivery>> claim(Instant now, Instant leaseUntil, int limit) {
        return getSession().chain(s -> s.createNativeQuery(CLAIM, Delivery.class)
                .setParameter("now", now)
                .setParameter("lease", leaseUntil)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Puts claimed deliveries back to wait for the earlier one of their lane. */
    public Uni<Integer> unclaim(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession()
                .chain(s ->
                        s.createNativeQuery(UNCLAIM).setParameter("ids", ids).executeUpdate());
    }

    /** Locks these lanes until the transaction ends (see {@link #LOCK_LANES}). */
    public Uni<Void> lockLanes(java.util.Collection<String> lanes) {
        if (lanes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String json = json(new java.util.TreeSet<>(lanes));
        return getSession().chain(s -> s.createNativeQuery(LOCK_LANES)
                .setParameter("lanes", json)
                .getSingleResult()
                .replaceWithVoid());
    }

    /** The open lanes among these order keys, as {@code "channel target orderKey"} (see {@link Delivery#lane}). */
    public Uni<java.util.Set<String>> openLanes(java.util.Collection<UUID> orderKeys) {
        if (orderKeys.isEmpty()) {
            return Uni.createFrom().item(java.util.Set.of());
        }
        return getSession().chain(s -> s.createNativeQuery(OPEN_LANES, Object[].class)
                .setParameter("keys", orderKeys)
                .getResultList()
                .map(rows -> {
                    java.util.Set<String> lanes = new java.util.HashSet<>();
                    for (Object[] row : rows) {
                        lanes.add(row[1] + " " + row[2] + " " + row[0]);
                    }
                    return lanes;
                }));
    }

    /** The held destinations, as {@code "channel target"}. */
    public Uni<java.util.Set<String>> holds() {
        return getSession().chain(s -> s.createNativeQuery(HOLDS, Object[].class)
                .getResultList()
                .map(rows -> {
                    java.util.Set<String> held = new java.util.HashSet<>();
                    for (Object[] row : rows) {
                        held.add(row[0] + " " + row[1]);
                    }
                    return held;
                }));
    }

    /** The next delivery of each of these lanes (whose head ended) becomes due at {@code now}. */
    public Uni<Integer> releaseNext(List<Delivery> ended, Instant now) {
        if (ended.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(ended.size());
        for (Delivery d : ended) {
            rows.add(Map.of("order_key", d.orderKey.toString(), "channel", d.channel, "target", d.target));
        }
        String json = json(rows);
        return getSession().chain(s -> s.createNativeQuery(RELEASE_NEXT)
                .setParameter("rows", json)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** Resumes a destination: the first pending delivery of each of its lanes is due now. */
    public Uni<Integer> unpark(String channel, String target, Instant now) {
        return getSession().chain(s -> s.createNativeQuery(UNPARK)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .setParameter("now", now)
                .executeUpdate());
    }

    public Uni<Integer> expireLeases(Instant now) {
        return getSession().chain(s -> s.createNativeQuery(EXPIRE_LEASES)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** Applies outcomes ({@code id, state, next_attempt_at, delivered_at, status, latency_ms, error}) and attempts. */
    public Uni<Void> record(List<Map<String, Object>> outcomes, List<Map<String, Object>> attempts) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String outcomeRows = json(outcomes);
        String attemptRows = json(attempts);
        return getSession().chain(s -> s.createNativeQuery(RECORD)
                .setParameter("rows", outcomeRows)
                .executeUpdate()
                .chain(() -> s.createNativeQuery(INSERT_ATTEMPTS)
                        .setParameter("rows", attemptRows)
                        .executeUpdate())
                .replaceWithVoid());
    }

    /** Failed deliveries of a destination are tried again from the first attempt. */
    public Uni<Integer> retryFailed(String channel, String target) {
        return getSession().chain(s -> s.createNativeQuery(RESUME_FAILED)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .executeUpdate());
    }

    public Uni<Integer> cancelOpen(String channel, String target, String reason) {
        return getSession().chain(s -> s.createNativeQuery(CANCEL_OPEN)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .setParameter("reason", reason)
                .executeUpdate());
    }

    /** Holds a destination: its pending deliveries wait until it is released. */
    public Uni<Void> hold(String channel, String target, String reason, Instant now) {
        return getSession().chain(s -> s.createNativeQuery(HOLD)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate()
                .chain(() -> s.createNativeQuery(PARK)
                        .setParameter("channel", channel)
                        .setParameter("target", target)
                        .executeUpdate())
                .replaceWithVoid());
    }

    public Uni<Void> release(String channel, String target) {
        return getSession().chain(s -> s.createNativeQuery(RELEASE)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .executeUpdate()
                .replaceWithVoid());
    }

    /** Open (pending or sending) deliveries per channel: count and the earliest next attempt. */
    public Uni<List<Object[]>> openByChannel() {
        return getSession().chain(s -> s.createNativeQuery(PENDING_BY_CHANNEL, Object[].class)
                .getResultList());
    }

    /** A page of deliveries matching the filter, newest first; null filter values match anything. */
    public Uni<List<Delivery>> findPage(Filter filter, int page, int size) {
        Query q = query(filter);
        return find(q.where, Sort.descending("seq"), q.parameters)
                .page(Page.of(page, size))
                .list();
    }

    public Uni<Long> count(Filter filter) {
        Query q = query(filter);
        return count(q.where, q.parameters);
    }

    /**
     * What deliveries to list.
     *
     * @param organizationId the organization told (null: all, for operators)
     * @param channel a channel name
     * @param target a channel's address (a subscription id)
     * @param referralId a referral
     * @param state a state
     */
    public record Filter(String organizationId, String channel, String target, UUID referralId, DeliveryState state) {}

    private record Query(String where, Parameters parameters) {}

    private static Query query(Filter filter) {
        List<String> clauses = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.organizationId() != null) {
            clauses.add("organizationId = :organizationId");
            parameters.and("organizationId", filter.organizationId());
        }
        if (filter.channel() != null) {
            clauses.add("channel = :channel");
            parameters.and("channel", filter.channel());
        }
        if (filter.target() != null) {
            clauses.add("target = :target");
            parameters.and("target", filter.target());
        }
        if (filter.referralId() != null) {
            clauses.add("referralId = :referralId");
            parameters.and("referralId", filter.referralId());
        }
        if (filter.state() != null) {
            clauses.add("state = :state");
            parameters.and("state", filter.state());
        }
        return new Query(clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses), parameters);
    }

    /** Rows as one JSON text parameter (cast to jsonb in SQL). */
    private String json(Object rows) {
        try {
            return mapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Delivery rows are not serializable", e);
        }
    }
}
