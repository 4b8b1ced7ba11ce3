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
            update delivery set state = 'SENDING', lease_until = :lease, attempts = attempts + 1,
                last_attempt_at = :now
            where id in (
                select d.id from delivery d
                where d.state = 'PENDING' and d.next_attempt_at <= :now
                  and not exists (
                      select 1 from delivery e
                      where e.channel = d.channel and e.target = d.target and e.order_key = d.order_key
                        and e.state in ('PENDING', 'SENDING') and e.seq < d.seq)
                  and not exists (
                      select 1 from delivery_hold h where h.channel = d.channel and h.target = d.target)
                order by d.seq
                limit :limit
                for update of d skip locked)
            returning *
            """;

    /** Deliveries whose worker died while sending them go back to the queue. */
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
            update delivery set state = 'PENDING', next_attempt_at = :now, attempts = 0
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

    /** Claims up to {@code limit} due deliveries (see {@link #CLAIM}); in the caller's transaction. */
    public Uni<List<Delivery>> claim(Instant now, Instant leaseUntil, int limit) {
        return getSession().chain(s -> s.createNativeQuery(CLAIM, Delivery.class)
                .setParameter("now", now)
                .setParameter("lease", leaseUntil)
                .setParameter("limit", limit)
                .getResultList());
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
        String outcomeRows;
        String attemptRows;
        try {
            outcomeRows = mapper.writeValueAsString(outcomes);
            attemptRows = mapper.writeValueAsString(attempts);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("Delivery outcomes are not serializable", e));
        }
        return getSession().chain(s -> s.createNativeQuery(RECORD)
                .setParameter("rows", outcomeRows)
                .executeUpdate()
                .chain(() -> s.createNativeQuery(INSERT_ATTEMPTS)
                        .setParameter("rows", attemptRows)
                        .executeUpdate())
                .replaceWithVoid());
    }

    /** Failed deliveries of a destination are tried again from the first attempt. */
    public Uni<Integer> retryFailed(String channel, String target, Instant now) {
        return getSession().chain(s -> s.createNativeQuery(RESUME_FAILED)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .setParameter("now", now)
                .executeUpdate());
    }

    public Uni<Integer> cancelOpen(String channel, String target, String reason) {
        return getSession().chain(s -> s.createNativeQuery(CANCEL_OPEN)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .setParameter("reason", reason)
                .executeUpdate());
    }

    public Uni<Void> hold(String channel, String target, String reason, Instant now) {
        return getSession().chain(s -> s.createNativeQuery(HOLD)
                .setParameter("channel", channel)
                .setParameter("target", target)
                .setParameter("reason", reason)
                .setParameter("now", now)
                .executeUpdate()
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
}
