package org.careloop.notification.deadline.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.deadline.AcknowledgementDeadline;
import org.careloop.notification.deadline.DeadlineState;

/** Queries over acknowledgement deadlines; rows without a state are version markers and never listed. */
@ApplicationScoped
@WithSession
public class DeadlineRepository implements PanacheRepositoryBase<AcknowledgementDeadline, UUID> {

    /** The row of a referral, locked until the transaction ends so a later scheduler cannot race the consumer. */
    public Uni<AcknowledgementDeadline> findForUpdate(UUID referralId) {
        return findById(referralId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** One page of deadlines in a state (any state when null), soonest due first. */
    public Uni<List<AcknowledgementDeadline>> findPage(DeadlineState state, int page, int size) {
        return query(state).page(Page.of(page, size)).list();
    }

    /** How many deadlines are in a state (any state when null). */
    public Uni<Long> countIn(DeadlineState state) {
        return state == null ? count("state is not null") : count("state", state);
    }

    private PanacheQuery<AcknowledgementDeadline> query(DeadlineState state) {
        // The referral id breaks ties so that pages are stable; (state, due_at) is indexed.
        Sort sort = Sort.by("dueAt").and("referralId");
        return state == null ? find("state is not null", sort) : find("state = ?1", sort, state);
    }
}
