package org.careloop.notification.chase.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.chase.ChasePlanner;
import org.careloop.notification.chase.ChaseTimer;
import org.careloop.notification.chase.ContactWindow;
import org.careloop.notification.chase.TimerKind;
import org.careloop.notification.chase.TimerPlan;
import org.careloop.notification.chase.TimerPlan.Planned;
import org.careloop.notification.chase.TimerPlan.Window;
import org.careloop.notification.chase.TimerPlan.WindowState;
import org.careloop.notification.chase.repository.ChaseTimerRepository;
import org.careloop.notification.chase.repository.ContactWindowRepository;
import org.careloop.notification.config.DeliveryConfig;
import org.careloop.notification.deadline.service.DeadlinePolicy.Change;
import org.careloop.notification.deadline.service.DeadlineService;
import org.careloop.notification.delivery.NoticePlanner;
import org.careloop.notification.delivery.service.DeliveryService;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.notification.policy.service.PolicyService;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.inbox.PoisonMessageException;

/**
 * Applies a referral change to what chases it: the acknowledgement deadline and the chase timers of the referral and
 * of its need, in the consumer's transaction, in version order per referral (an event not newer than the last one
 * applied changes nothing).
 */
@ApplicationScoped
public class ReferralChaseService {

    private final DeadlineService deadlines;
    private final PolicyService policies;
    private final ChaseTimerRepository timers;
    private final ContactWindowRepository windows;
    private final ChaseMetrics metrics;
    private final DeliveryService deliveries;
    private final URI linkBase;

    public ReferralChaseService(
            DeadlineService deadlines,
            PolicyService policies,
            ChaseTimerRepository timers,
            ContactWindowRepository windows,
            ChaseMetrics metrics,
            DeliveryService deliveries,
            DeliveryConfig deliveryConfig) {
        this.deliveries = deliveries;
        this.linkBase = deliveryConfig.referralLinkBase();
        this.deadlines = deadlines;
        this.policies = policies;
        this.timers = timers;
        this.windows = windows;
        this.metrics = metrics;
    }

    /**
     * Applies one {@code referral-updated}. Called by the consumer inside the transaction that also records the event
     * id, which this method joins.
     */
    @WithTransaction
    public Uni<Change> apply(ReferralUpdated event) {
        if (event.version() < 1) {
            return Uni.createFrom()
                    .failure(new PoisonMessageException(
                            "Referral " + event.referralId() + " has version " + event.version() + ", expected >= 1"));
        }
        if (!ReferralStatusCodes.isCode(event.status())) {
            return Uni.createFrom()
                    .failure(new PoisonMessageException(
                            "Referral " + event.referralId() + " has an unknown status '" + event.status() + "'"));
        }
        return deadlines.lockOrNew(event.referralId()).chain(deadline -> {
            if (event.version() <= deadline.lastVersion) {
                return deadlines.apply(deadline, event, null);
            }
            return policies.effective(event.ownerOrganizationId())
                    .chain(policy -> deadlines.apply(deadline, event, policy).chain(change -> windowOf(event)
                            .chain(window -> {
                                TimerPlan plan = ChasePlanner.plan(change, event, policy, WindowState.of(window));
                                return execute(plan, event, policy, window)
                                        .chain(() -> deliveries.enqueue(NoticePlanner.forChange(event, linkBase)))
                                        .replaceWith(change);
                            })));
        });
    }

    private Uni<ContactWindow> windowOf(ReferralUpdated event) {
        boolean concernsWindow = ReferralStatusCodes.REQUESTED.equals(event.status())
                || ChasePlanner.CONTACT_MADE.contains(event.status());
        return concernsWindow
                ? windows.lockOrCreate(event.needId())
                : Uni.createFrom().nullItem();
    }

    private Uni<Void> execute(TimerPlan plan, ReferralUpdated event, EffectivePolicy policy, ContactWindow window) {
        if (plan.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        Uni<Void> work = Uni.createFrom().voidItem();
        if (!plan.cancel().isEmpty()) {
            work = work.chain(() -> timers.cancel(event.referralId(), plan.cancel(), plan.cancelReason(), now)
                    .invoke(n -> report("Cancelled", n, event))
                    .replaceWithVoid());
        }
        if (plan.refreshVersion()) {
            work = work.chain(() ->
                    timers.refreshVersion(event.referralId(), event.version()).replaceWithVoid());
        }
        List<ChaseTimer> scheduled = new ArrayList<>();
        for (Planned planned : plan.schedule()) {
            scheduled.add(timer(planned.kind(), event, planned.policy(), planned.dueAt(), now));
        }
        work = work.chain(() -> window(plan.window(), event, window, scheduled, now));
        return work.chain(() -> {
            if (scheduled.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            scheduled.forEach(t -> AfterCommit.run(() -> metrics.scheduled(t.kind)));
            Log.infof(
                    "Referral %s version %d (%s, %s policy): scheduled %s",
                    event.referralId(),
                    event.version(),
                    event.status(),
                    policy.source(),
                    scheduled.stream()
                            .map(t -> t.kind.chaseKind() + " at " + t.dueAt)
                            .toList());
            return timers.persist(scheduled);
        });
    }

    private Uni<Void> window(
            Window plan, ReferralUpdated event, ContactWindow window, List<ChaseTimer> scheduled, Instant now) {
        switch (plan.action()) {
            case OPEN -> {
                window.openedAt = plan.openedAt();
                window.closesAt = plan.closesAt();
                window.currentReferralId = event.referralId();
                window.currentAttempt = event.attemptOrFirst();
                scheduled.add(timer(TimerKind.CONTACT_WINDOW_WARNING, event, plan.policy(), plan.warnAt(), now));
                Log.infof(
                        "Contact window of need %s opened by referral %s, closes %s",
                        event.needId(), event.referralId(), plan.closesAt());
                return Uni.createFrom().voidItem();
            }
            case UPDATE -> {
                window.openedAt = plan.openedAt();
                window.closesAt = plan.closesAt();
                if (plan.follow()) {
                    window.currentReferralId = event.referralId();
                    window.currentAttempt = event.attemptOrFirst();
                    return timers.followWarning(
                                    event.needId(),
                                    event.referralId(),
                                    event.version(),
                                    event.ownerOrganizationId(),
                                    plan.warnAt())
                            .replaceWithVoid();
                }
                return timers.moveWarning(event.needId(), plan.warnAt()).replaceWithVoid();
            }
            case CONTACTED -> {
                window.contactedAt = event.updatedAt();
                window.contactedReferralId = event.referralId();
                Log.infof(
                        "Contact window of need %s met: referral %s is %s",
                        event.needId(), event.referralId(), event.status());
                return timers.cancelWarning(
                                event.needId(),
                                "contact made: " + event.status() + " of referral " + event.referralId(),
                                now)
                        .invoke(n -> report("Cancelled contact window warning", n, event))
                        .replaceWithVoid();
            }
            default -> {
                return Uni.createFrom().voidItem();
            }
        }
    }

    private void report(String what, int count, ReferralUpdated event) {
        if (count > 0) {
            AfterCommit.run(() -> metrics.cancelled(count));
            Log.infof(
                    "%s: %d pending chase timer(s) of referral %s (%s, version %d)",
                    what, count, event.referralId(), event.status(), event.version());
        }
    }

    private static ChaseTimer timer(TimerKind kind, ReferralUpdated event, String policy, Instant dueAt, Instant now) {
        return ChaseTimer.pending(
                kind,
                event.referralId(),
                event.needId(),
                event.version(),
                event.ownerOrganizationId(),
                event.requesterOrganizationId(),
                event.category(),
                policy,
                dueAt,
                now);
    }
}
