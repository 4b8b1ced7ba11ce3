package org.careloop.notification.chase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.notification.chase.ChaseTimer;
import org.careloop.notification.chase.TimerKind;
import org.careloop.notification.chase.repository.ChaseTimerRepository;
import org.careloop.notification.chase.repository.ChasedEventOutbox;
import org.careloop.notification.config.DeliveryConfig;
import org.careloop.notification.delivery.Notice;
import org.careloop.notification.delivery.NoticePlanner;
import org.careloop.notification.delivery.service.DeliveryService;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.notification.policy.service.PolicyService;

/**
 * Fires due chase timers, one batch per transaction: claims them ({@code for update skip locked}), marks them fired,
 * writes their {@code referral-chased} events to the outbox and re-arms each outcome-update timer for its next
 * request, all in the same transaction. A timer fires exactly once however many workers run: the claim and the event
 * commit together, and a claimed row is skipped by other claims until then.
 */
@ApplicationScoped
public class TimerFiring {

    /** How many fired chases a batch log line names. */
    private static final int LOGGED = 10;

    private final ChaseTimerRepository timers;
    private final ChasedEventOutbox outbox;
    private final PolicyService policies;
    private final ChaseMetrics metrics;
    private final DeliveryService deliveries;
    private final URI linkBase;

    public TimerFiring(
            ChaseTimerRepository timers,
            ChasedEventOutbox outbox,
            PolicyService policies,
            ChaseMetrics metrics,
            DeliveryService deliveries,
            DeliveryConfig deliveryConfig) {
        this.deliveries = deliveries;
        this.linkBase = deliveryConfig.referralLinkBase();
        this.timers = timers;
        this.outbox = outbox;
        this.policies = policies;
        this.metrics = metrics;
    }

    /**
     * Fires up to {@code limit} due timers in one transaction; needs a safe Vert.x context.
     *
     * @return the timers fired, after their transaction committed
     */
    public Uni<List<ChaseTimer>> fireDue(int limit) {
        return Panache.withTransaction(() -> {
                    // PostgreSQL keeps microseconds: the event's firedAt is then exactly the stored fired_at.
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return timers.claimDue(now, limit).chain(claimed -> {
                        if (claimed.isEmpty()) {
                            return Uni.createFrom().item(claimed);
                        }
                        List<ChaseTimer> fired = new ArrayList<>(claimed.size());
                        List<ChaseTimer> repeating = new ArrayList<>();
                        List<ChaseTimer> records = new ArrayList<>();
                        for (ChaseTimer timer : claimed) {
                            if (timer.kind == TimerKind.OUTCOME_UPDATE) {
                                ChaseTimer record = timer.firedRecord(now);
                                repeating.add(timer);
                                records.add(record);
                                fired.add(record);
                            } else {
                                fired.add(timer);
                            }
                        }
                        fired.sort(
                                Comparator.comparing((ChaseTimer t) -> t.dueAt).thenComparing(t -> t.id));
                        List<ReferralChased> events =
                                fired.stream().map(TimerFiring::event).toList();
                        List<Notice> notices = fired.stream()
                                .flatMap(t -> NoticePlanner.forChase(t, linkBase).stream())
                                .toList();
                        return outbox.append(events, now)
                                .chain(() -> rearm(repeating, records, now))
                                .chain(() -> deliveries.enqueue(notices))
                                .replaceWith(fired);
                    });
                })
                .invoke(fired -> {
                    if (!fired.isEmpty()) {
                        metrics.fired(fired);
                        fired.stream()
                                .filter(t -> t.kind == TimerKind.OUTCOME_UPDATE)
                                .forEach(t -> metrics.scheduled(t.kind));
                        log(fired);
                    }
                });
    }

    /**
     * A referral still taken on is asked again for an update one period after this request: the claimed timer row
     * (locked, still pending) moves to its next due time, and the firing is recorded in its own row.
     */
    private Uni<Void> rearm(List<ChaseTimer> repeating, List<ChaseTimer> records, Instant now) {
        if (repeating.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> owners = repeating.stream()
                .map(t -> t.ownerOrganizationId)
                .filter(o -> o != null)
                .collect(Collectors.toSet());
        return policies.effective(owners).chain(policyOf -> {
            for (ChaseTimer timer : repeating) {
                EffectivePolicy policy = policyOf.get(timer.ownerOrganizationId);
                // A managed entity: the new due time is flushed when the transaction commits.
                timer.dueAt = policy.outcomeUpdateAt(now);
                timer.policy = policy.source();
                timer.createdAt = now;
            }
            return timers.persist(records);
        });
    }

    private static ReferralChased event(ChaseTimer timer) {
        return new ReferralChased(
                timer.id,
                timer.referralId,
                timer.needId,
                timer.kind.chaseKind(),
                timer.referralVersion,
                timer.ownerOrganizationId,
                timer.requesterOrganizationId,
                timer.category,
                timer.dueAt,
                timer.firedAt,
                timer.policy);
    }

    private static void log(List<ChaseTimer> fired) {
        String named = fired.stream()
                .limit(LOGGED)
                .map(t -> t.kind.chaseKind() + " of referral " + t.referralId + " (late "
                        + Duration.between(t.dueAt, t.firedAt).toMillis() + " ms)")
                .collect(Collectors.joining(", "));
        Map<String, Long> byKind =
                fired.stream().collect(Collectors.groupingBy(t -> t.kind.chaseKind(), Collectors.counting()));
        Log.infof(
                "Fired %d chases %s: %s%s",
                fired.size(), byKind, named, fired.size() > LOGGED ? " and " + (fired.size() - LOGGED) + " more" : "");
    }
}
