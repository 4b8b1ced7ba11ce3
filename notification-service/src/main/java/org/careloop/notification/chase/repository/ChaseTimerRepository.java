package org.careloop.notification.chase.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.notification.chase.ChaseTimer;
import org.careloop.notification.chase.TimerKind;
import org.careloop.notification.chase.TimerState;

/** Queries over chase timers: the worker's claim, the consumers' cancellations, the API's lists. */
@ApplicationScoped
@WithSession
public class ChaseTimerRepository implements PanacheRepositoryBase<ChaseTimer, UUID> {

    /**
     * Due timers, earliest first, locked until the transaction ends. {@code skip locked} lets several workers (threads
     * or instances) claim side by side without waiting for or taking each other's rows.
     */
    private static final String LOCK_DUE = """
            select cast(t.id as text), cast(t.referral_id as text) from chase_timer t
            where t.state = 'PENDING' and t.due_at <= :now
            order by t.due_at, t.id
            limit :limit
            for update of t skip locked
            """;

    /** The earliest pending timer of each referral, as this statement sees them. */
    private static final String EARLIEST_PENDING = """
            select distinct on (referral_id) cast(id as text) from chase_timer
            where state = 'PENDING' and referral_id in (:referrals)
            order by referral_id, due_at, id
            """;

    /** Marks claimed timers fired; a repeating one (outcome update) stays pending, to be re-armed. */
    private static final String MARK_FIRED = """
            update chase_timer
            set state = case when kind = 'OUTCOME_UPDATE' then state else 'FIRED' end,
                fired_at = case when kind = 'OUTCOME_UPDATE' then cast(null as timestamptz) else :now end
            where id in (:ids)
            returning *
            """;

    private static final String STATS = """
            select count(*), count(*) filter (where due_at <= :now), min(due_at)
            from chase_timer where state = 'PENDING'
            """;

    /**
     * Claims up to {@code limit} due timers and marks them fired at {@code now}; returns them, locked until the
     * transaction ends.
     *
     * <p>A referral's timers fire one at a time, earliest first: of the due timers it locked, the claim fires only
     * those that are the earliest pending timer of their referral; the others stay pending (and locked until the
     * transaction ends) and fire in a later round. So a later chase of a referral is never written to the outbox before,
     * or concurrently with, an earlier one, which keeps the events of a referral in order on its topic. The three
     * statements (lock, earliest per referral, mark) each cost at most one pass over the pending timers whatever plan
     * PostgreSQL picks; a single statement with a correlated anti-join was quadratic under a plan cached while the
     * table was small.
     *
     * <p>A repeating timer (an outcome-update request) is claimed and locked but stays PENDING: the worker re-arms that
     * same row for its next due time and records the firing in a new row. A consumer cancelling the referral's timers
     * at the same moment waits for the lock and then finds the row still pending, so it cancels it; a new row written
     * instead would be invisible to its statement and would go on firing for a referral that has ended.
     */
    public Uni<List<ChaseTimer>> claimDue(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery(LOCK_DUE, Object[].class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList()
                .chain(locked -> {
                    if (locked.isEmpty()) {
                        return Uni.createFrom().item(List.<ChaseTimer>of());
                    }
                    Set<UUID> referrals = new HashSet<>();
                    Set<UUID> ids = new HashSet<>();
                    for (Object[] row : locked) {
                        ids.add(UUID.fromString((String) row[0]));
                        referrals.add(UUID.fromString((String) row[1]));
                    }
                    return s.createNativeQuery(EARLIEST_PENDING, String.class)
                            .setParameter("referrals", referrals)
                            .getResultList()
                            .chain(earliest -> {
                                List<UUID> fire = earliest.stream()
                                        .map(UUID::fromString)
                                        .filter(ids::contains)
                                        .toList();
                                if (fire.isEmpty()) {
                                    return Uni.createFrom().item(List.<ChaseTimer>of());
                                }
                                return s.createNativeQuery(MARK_FIRED, ChaseTimer.class)
                                        .setParameter("now", now)
                                        .setParameter("ids", fire)
                                        .getResultList();
                            });
                }));
    }

    /** Cancels a referral's pending timers of some kinds; returns how many. */
    public Uni<Integer> cancel(UUID referralId, Set<TimerKind> kinds, String reason, Instant now) {
        return update(
                "state = ?1, cancelledAt = ?2, cancelReason = ?3 where referralId = ?4 and state = ?5 and kind in ?6",
                TimerState.CANCELLED,
                now,
                reason,
                referralId,
                TimerState.PENDING,
                kinds);
    }

    /**
     * The referral is still requested from the same owner at a newer version: its pending acknowledgement chases now
     * name that version.
     */
    public Uni<Integer> refreshVersion(UUID referralId, long version) {
        return update(
                "referralVersion = ?1 where referralId = ?2 and state = ?3 and kind in ?4 and referralVersion < ?1",
                version,
                referralId,
                TimerState.PENDING,
                TimerKind.ACKNOWLEDGEMENT);
    }

    /** Cancels a need's pending contact window warning. */
    public Uni<Integer> cancelWarning(UUID needId, String reason, Instant now) {
        return update(
                "state = ?1, cancelledAt = ?2, cancelReason = ?3 where needId = ?4 and kind = ?5 and state = ?6",
                TimerState.CANCELLED,
                now,
                reason,
                needId,
                TimerKind.CONTACT_WINDOW_WARNING,
                TimerState.PENDING);
    }

    /** Moves a need's pending contact window warning to a new due time. */
    public Uni<Integer> moveWarning(UUID needId, Instant dueAt) {
        return update(
                "dueAt = ?1 where needId = ?2 and kind = ?3 and state = ?4",
                dueAt,
                needId,
                TimerKind.CONTACT_WINDOW_WARNING,
                TimerState.PENDING);
    }

    /** Hands a need's pending contact window warning to its latest attempt. */
    public Uni<Integer> followWarning(
            UUID needId, UUID referralId, long referralVersion, String ownerOrganizationId, Instant dueAt) {
        return update(
                "referralId = ?1, referralVersion = ?2, ownerOrganizationId = ?3, dueAt = ?4"
                        + " where needId = ?5 and kind = ?6 and state = ?7",
                referralId,
                referralVersion,
                ownerOrganizationId,
                dueAt,
                needId,
                TimerKind.CONTACT_WINDOW_WARNING,
                TimerState.PENDING);
    }

    /** One page of timers matching the filters, in the given order. */
    public Uni<List<ChaseTimer>> findPage(Filter filter, Sort sort, int page, int size) {
        return query(filter, sort).page(Page.of(page, size)).list();
    }

    /** How many timers match the filters. */
    public Uni<Long> countMatching(Filter filter) {
        return query(filter, null).count();
    }

    /** Pending timers: how many, how many are due, and the earliest due time. */
    public Uni<PendingStats> pendingStats(Instant now) {
        return getSession()
                .chain(s -> s.createNativeQuery(STATS, Object[].class)
                        .setParameter("now", now)
                        .getSingleResult())
                .map(row -> new PendingStats(
                        ((Number) row[0]).longValue(), ((Number) row[1]).longValue(), toInstant(row[2])));
    }

    private PanacheQuery<ChaseTimer> query(Filter filter, Sort sort) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.referralId() != null) {
            conditions.add("referralId = :referralId");
            parameters.and("referralId", filter.referralId());
        }
        if (filter.kind() != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", filter.kind());
        }
        if (filter.state() != null) {
            conditions.add("state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.ownerOrganizationId() != null) {
            conditions.add("ownerOrganizationId = :owner");
            parameters.and("owner", filter.ownerOrganizationId());
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        return sort == null ? find(where, parameters) : find(where, sort, parameters);
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }

    /**
     * Filters of a timer list; null means any.
     *
     * @param referralId one referral's timers
     * @param kind one kind
     * @param state one state
     * @param ownerOrganizationId timers chasing one organization
     */
    public record Filter(UUID referralId, TimerKind kind, TimerState state, String ownerOrganizationId) {}

    /**
     * Pending timers.
     *
     * @param pending how many are pending
     * @param due how many of them are due (waiting for the worker)
     * @param earliestDue the earliest due time, null when none is pending
     */
    public record PendingStats(long pending, long due, Instant earliestDue) {}
}
