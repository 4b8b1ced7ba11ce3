package org.careloop.notification.deadline.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;
import org.careloop.notification.deadline.config.SlaConfig;
import org.careloop.notification.deadline.repository.DeadlineRepository;
import org.careloop.notification.deadline.service.DeadlinePolicy.Change;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.inbox.PoisonMessageException;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/** Keeps one acknowledgement deadline per referral in step with the referral's status. */
@ApplicationScoped
public class DeadlineService {

    private final DeadlineRepository repository;
    private final DeadlinePolicy policy;
    private final Counter opened;
    private final Counter met;
    private final Counter cleared;

    public DeadlineService(DeadlineRepository repository, SlaConfig sla, MeterRegistry meters) {
        this.repository = repository;
        this.policy = new DeadlinePolicy(sla.acknowledgeWithin());
        this.opened = meters.counter("careloop.deadlines.opened");
        this.met = meters.counter("careloop.deadlines.resolved", "state", DeadlineState.MET.name());
        this.cleared = meters.counter("careloop.deadlines.resolved", "state", DeadlineState.CLEARED.name());
    }

    /**
     * Applies a referral change to its deadline. Called by the consumer inside the transaction that also records the
     * event id, which this method joins.
     */
    @WithTransaction
    public Uni<Change> apply(ReferralUpdated event) {
        if (event.version() < 1) {
            return Uni.createFrom()
                    .failure(new PoisonMessageException(
                            "Referral " + event.referralId() + " has version " + event.version() + ", expected >= 1"));
        }
        if (!DeadlinePolicy.isKnownStatus(event.status())) {
            return Uni.createFrom()
                    .failure(new PoisonMessageException(
                            "Referral " + event.referralId() + " has an unknown status '" + event.status() + "'"));
        }
        return repository.findForUpdate(event.referralId()).chain(found -> {
            AcknowledgementDeadline deadline = found != null ? found : new AcknowledgementDeadline(event.referralId());
            long previousVersion = deadline.lastVersion;
            Change change = policy.apply(deadline, event);
            report(change, deadline, event, previousVersion);
            if (found == null && change != Change.STALE) {
                return repository.persist(deadline).replaceWith(change);
            }
            // A found row is managed: its changes are flushed when the transaction commits.
            return Uni.createFrom().item(change);
        });
    }

    /** One page of deadlines in a state (any state when null), soonest due first. */
    @WithSession
    public Uni<Page<AcknowledgementDeadline>> list(DeadlineState state, PageRequest page) {
        // One session runs one query at a time: the count waits for the page.
        return repository
                .findPage(state, page.page, page.size)
                .chain(items -> repository.countIn(state).map(total -> Page.of(items, page, total)));
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

    // Counted when applied, before commit: a retried transaction can count twice, which a rate metric tolerates.
    private void report(Change change, AcknowledgementDeadline deadline, ReferralUpdated event, long previousVersion) {
        switch (change) {
            case OPENED -> {
                AfterCommit.run(opened::increment);
                Log.infof(
                        "Deadline of referral %s opened (version %d), due %s",
                        deadline.referralId, event.version(), deadline.dueAt);
            }
            case MET, CLEARED -> {
                AfterCommit.run((change == Change.MET ? met : cleared)::increment);
                Log.infof(
                        "Deadline of referral %s %s by status %s (version %d)",
                        deadline.referralId, deadline.state, event.status(), event.version());
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
