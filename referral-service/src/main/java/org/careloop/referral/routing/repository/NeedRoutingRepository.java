package org.careloop.referral.routing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.referral.routing.NeedRouting;
import org.careloop.referral.routing.RoutingState;

/** Queries over the routing of needs. */
@ApplicationScoped
@WithSession
public class NeedRoutingRepository implements PanacheRepositoryBase<NeedRouting, UUID> {

    /** The need's routing with its row locked until the transaction ends; null when the need was never routed. */
    public Uni<NeedRouting> lock(UUID needId) {
        return findById(needId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Who a need is about, without loading it: the person and the clinic, so that their lock can be taken first. */
    public Uni<Person> personOf(UUID needId) {
        return find("needId", needId).project(Person.class).firstResult();
    }

    /**
     * The needs of a person at a clinic that wait for the directory or a coordinator, their rows locked until the
     * transaction ends (as {@link #lock} would, in one query).
     */
    public Uni<List<NeedRouting>> lockWaitingOfPerson(String patientId, String requesterOrganizationId) {
        return find(
                        "patientId = :person and requesterOrganizationId = :clinic and state in :states",
                        Map.of(
                                "person",
                                patientId,
                                "clinic",
                                requesterOrganizationId,
                                "states",
                                List.of(RoutingState.MATCHING, RoutingState.QUEUED)))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The person and clinic of a need. */
    public record Person(String patientId, String requesterOrganizationId) {}

    /**
     * One page of the work queue, longest waiting first; {@code category} null for all, {@code claimed} null for
     * claimed and unclaimed needs alike.
     */
    public Uni<Page<NeedRouting>> queue(String category, Boolean claimed, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("state", RoutingState.QUEUED);
        String query = "state = :state";
        if (category != null) {
            query += " and category = :category";
            params.put("category", category);
        }
        if (claimed != null) {
            query += claimed ? " and claimedBy is not null" : " and claimedBy is null";
        }
        var found = find(query, Sort.ascending("queuedAt", "needId"), params);
        return found.page(page.page, page.size).list().chain(items -> found.count()
                .map(total -> Page.of(items, page, total)));
    }

    /** How many needs wait in the work queue, and since when the oldest does. */
    public Uni<QueueStats> queueStats() {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select count(*), min(queuedAt) from NeedRouting where state = :state", Object[].class)
                        .setParameter("state", RoutingState.QUEUED)
                        .getSingleResult())
                .map(row -> new QueueStats(((Number) row[0]).longValue(), (Instant) row[1]));
    }

    /**
     * Figures of the work queue.
     *
     * @param queued needs waiting for a coordinator
     * @param oldestQueuedAt since when the longest-waiting one waits, null when none
     */
    public record QueueStats(long queued, Instant oldestQueuedAt) {}
}
