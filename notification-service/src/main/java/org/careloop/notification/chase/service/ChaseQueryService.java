package org.careloop.notification.chase.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.notification.chase.ChaseTimer;
import org.careloop.notification.chase.repository.ChaseTimerRepository;
import org.careloop.notification.chase.repository.ChaseTimerRepository.Filter;
import org.careloop.notification.deadline.service.DeadlineService;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/** Reads the record of chases: pending, fired and cancelled timers. */
@ApplicationScoped
public class ChaseQueryService {

    private final ChaseTimerRepository timers;
    private final DeadlineService deadlines;

    public ChaseQueryService(ChaseTimerRepository timers, DeadlineService deadlines) {
        this.timers = timers;
        this.deadlines = deadlines;
    }

    /**
     * The chases of one referral, in due order.
     *
     * @param organizationId for community organization staff, their organization: they see only chases of referrals
     *     assigned to it, and a 404 for any other referral; null for coordinators and operators, who see all and get a
     *     404 only for a referral this service never heard of
     */
    @WithSession
    public Uni<Page<ChaseTimer>> ofReferral(UUID referralId, String organizationId, PageRequest page) {
        Filter filter = new Filter(referralId, null, null, organizationId);
        Sort sort = Sort.by("dueAt").and("id");
        Uni<Boolean> visible = organizationId == null
                ? deadlines.knows(referralId)
                : timers.countMatching(filter).map(n -> n > 0);
        return visible.chain(known -> {
            if (!known) {
                throw ProblemException.notFound("Referral", referralId);
            }
            return page(filter, sort, page);
        });
    }

    /** One page of chases matching the filters, latest due first. */
    @WithSession
    public Uni<Page<ChaseTimer>> search(Filter filter, PageRequest page) {
        return page(filter, Sort.descending("dueAt").and("id"), page);
    }

    private Uni<Page<ChaseTimer>> page(Filter filter, Sort sort, PageRequest page) {
        // One session runs one query at a time: the count waits for the page.
        return timers.findPage(filter, sort, page.page, page.size)
                .chain(items -> timers.countMatching(filter).map(total -> Page.of(items, page, total)));
    }
}
