package org.careloop.notification.deadline.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;
import org.careloop.notification.deadline.repository.DeadlineRepository;
import org.careloop.notification.deadline.service.DeadlinePolicy.Change;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/**
 * Keeps one acknowledgement deadline per referral in step with the referral's status; its row also carries the
 * referral's last applied version, the guard that keeps events in version order for the chase timers too.
 */
@ApplicationScoped
public class DeadlineService {

    private final DeadlineRepository repository;
    private final Counter opened;
    private final Counter met;
    private final Counter cleared;

    public DeadlineService(DeadlineRepository repository, MeterRegistry meters) {
        this.repository = repository;
        this.opened = meters.counter("careloop.deadlines.opened");
        this.met = meters.counter("careloop.deadlines.resolved", "state", DeadlineState.MET.name());
        this.cleared = meters.counter("careloop.deadlines.resolved", "state", DeadlineState.CLEARED.name());
    }

    /**
     * The deadline row of a referral, locked until the transaction ends; a new, unsaved row (last version 0) for a
     * referral never seen. Joins the caller's transaction.
     */
    public Uni<AcknowledgementDeadline> lockOrNew(UUID referralId) {
        return repository
                .findForUpdate(referralId)
                .map(found -> found != null ? found : new AcknowledgementDeadline(referralId));
    }

    /**
     * Applies a referral change to its (locked) deadline row and saves it. Joins the caller's transaction.
     *
     * @param policy the owner's policy now; an opened deadline is due at its escalation time. Not used when the
     *     event is stale, may then be null.
     */
    public Uni<Change> apply(AcknowledgementDeadline deadline, ReferralUpdated event, EffectivePolicy policy) {
        boolean unsaved = deadline.lastVersion == 0;
        long previousVersion = deadline.lastVersion;
        Change change = DeadlinePolicy.apply(deadline, event, policy);
        report(change, deadline, event, previousVersion);
        if (unsaved && change != Change.STALE) {
            return repository.persist(deadline).replaceWith(change);
        }
        // A found row is managed: its changes are flushed when the transaction commits.
        return Uni.createFrom().item(change);
    }

    /** One page of deadlines in a state (any state when null), soonest due first. */
    @WithSession
    public Uni<Page<AcknowledgementDeadline>> list(DeadlineState state, PageRequest page) {
        // One session runs one query at a time: the count waits for the page.
        return repository
                .findPage(state, page.page, page.size)
                .chain(items -> repository.countIn(state).map(total -> Page.of(items, page, total)));
    }

    /** Whether this service has applied any event of the referral. */
    @WithSession
    public Uni<Boolean> knows(UUID referralId) {
        return repository.findById(referralId).map(row -> row != null);
    }

    /** The deadline of a referral; 404 when the referral never had one. */
    @WithSession
    public Uni<AcknowledgementDeadline> get(UUID referralId) {
        return repository.findById(referralId).map(deadline -> {
            if (deadline == null || !deadline.exists()) {
                throw ProblemException.notFound("Deadline of referral", referralId);
            }
            return deadline;
        });
    }

    private void report(Change change, AcknowledgementDeadline deadline, ReferralUpdated event, long previousVersion) {
        switch (change) {
            case OPENED -> {
                AfterCommit.run(opened::increment);
                Log.infof(
                        "Deadline of referral %s opened (version %d, %s policy), due %s",
                        deadline.referralId, event.version(), deadline.policy, deadline.dueAt);
            }
            case MET, CLEARED -> {
                AfterCommit.run((change == Change.MET ? met : cleared)::increment);
                Log.infof(
                        "Deadline of referral %s %s by status %s (version %d, by %s)",
                        deadline.referralId, deadline.state, event.status(), event.version(), event.changedByRole());
            }
            case STALE ->
                Log.infof(
                        "Ignored version %d of referral %s: version %d already applied",
                        event.version(), event.referralId(), previousVersion);
            case STILL_OPEN, VERSION_ONLY ->
                Log.debugf(
                        "Referral %s version %d (%s) leaves its deadline as it is",
                        event.referralId(), event.version(), event.status());
        }
    }
}
