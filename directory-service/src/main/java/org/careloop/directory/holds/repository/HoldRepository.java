package org.careloop.directory.holds.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.directory.holds.CapacityHold;
import org.careloop.directory.holds.HoldState;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/** Queries over holds. Callers change holds only while they hold the lock of the hold's service. */
@ApplicationScoped
@WithSession
public class HoldRepository implements PanacheRepositoryBase<CapacityHold, UUID> {

    private static final String DUE = "h.state = :tentative and h.referralId is null and h.expiresAt <= :now";

    public Uni<CapacityHold> findByReferral(UUID referralId) {
        return find("referralId", referralId).firstResult();
    }

    /** The open hold taken for a need at a service that no referral has claimed yet, or null. */
    public Uni<CapacityHold> findOpenUnclaimed(UUID needId, String serviceId) {
        return find(
                        "needId = ?1 and serviceId = ?2 and referralId is null and state <> ?3",
                        needId,
                        serviceId,
                        HoldState.RELEASED)
                .firstResult();
    }

    /** Open holds (tentative or firm) at a service. */
    public Uni<Long> countOpen(String serviceId) {
        return count("serviceId = ?1 and state <> ?2", serviceId, HoldState.RELEASED);
    }

    /** Open holds per service, for the services given (those without any are absent). */
    public Uni<Map<String, Long>> countOpenByServiceIds(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select h.serviceId, count(h) from CapacityHold h where h.serviceId in :ids"
                                        + " and h.state <> :released group by h.serviceId",
                                Object[].class)
                        .setParameter("ids", serviceIds)
                        .setParameter("released", HoldState.RELEASED)
                        .getResultList())
                .map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
                    return counts;
                });
    }

    /** Services with unclaimed tentative holds due to expire at {@code now}, by id, at most {@code limit}. */
    public Uni<List<String>> findServicesWithDueHolds(Instant now, int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select distinct h.serviceId from CapacityHold h where " + DUE + " order by h.serviceId",
                        String.class)
                .setParameter("tentative", HoldState.TENTATIVE)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList());
    }

    /** The unclaimed tentative holds of some services due to expire at {@code now}. */
    public Uni<List<CapacityHold>> findDue(Collection<String> serviceIds, Instant now) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(
                        "from CapacityHold h where h.serviceId in :services and " + DUE + " order by h.id",
                        CapacityHold.class)
                .setParameter("services", serviceIds)
                .setParameter("tentative", HoldState.TENTATIVE)
                .setParameter("now", now)
                .getResultList());
    }

    /** A page of a service's holds, newest first, optionally in one state. */
    public Uni<Page<CapacityHold>> findPage(String serviceId, HoldState state, PageRequest page) {
        Parameters parameters = Parameters.with("serviceId", serviceId);
        String query = "serviceId = :serviceId";
        if (state != null) {
            query += " and state = :state";
            parameters.and("state", state);
        }
        var paged = find(query, Sort.by("createdAt", Sort.Direction.Descending).and("id"), parameters)
                .page(page.page, page.size);
        return paged.list().chain(items -> paged.count().map(total -> Page.of(items, page, total)));
    }
}
