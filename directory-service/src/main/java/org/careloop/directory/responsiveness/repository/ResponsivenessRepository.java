package org.careloop.directory.responsiveness.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.directory.responsiveness.Responsiveness;
import org.careloop.directory.responsiveness.ResponsivenessStats;
import org.careloop.directory.responsiveness.ServiceResponsiveness;

/** Queries over what was learned about how services' organizations respond. */
@ApplicationScoped
@WithSession
public class ResponsivenessRepository implements PanacheRepositoryBase<ServiceResponsiveness, String> {

    /**
     * The responsiveness of some services with two queries, whatever their number; services nothing was learned about
     * are missing from the map. Samples are few per service (the window), so the median is taken here.
     */
    public Uni<Map<String, ResponsivenessStats>> findStats(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return getSession().chain(session -> session.createSelectionQuery(
                        "select r.serviceId, r.offered, r.accepted, r.rejected, r.recalled"
                                + " from ServiceResponsiveness r where r.serviceId in :ids",
                        Object[].class)
                .setParameter("ids", serviceIds)
                .getResultList()
                .chain(counts -> session.createSelectionQuery(
                                "select a.serviceId, a.seconds from AcknowledgementSample a"
                                        + " where a.serviceId in :ids",
                                Object[].class)
                        .setParameter("ids", serviceIds)
                        .getResultList()
                        .map(samples -> combine(counts, samples))));
    }

    private static Map<String, ResponsivenessStats> combine(List<Object[]> counts, List<Object[]> samples) {
        Map<String, List<Long>> secondsById = new HashMap<>();
        for (Object[] row : samples) {
            secondsById
                    .computeIfAbsent((String) row[0], id -> new ArrayList<>())
                    .add(((Number) row[1]).longValue());
        }
        Map<String, ResponsivenessStats> stats = new HashMap<>();
        for (Object[] row : counts) {
            String id = (String) row[0];
            List<Long> seconds = secondsById.getOrDefault(id, List.of());
            stats.put(
                    id,
                    new ResponsivenessStats(
                            ((Number) row[1]).intValue(),
                            ((Number) row[2]).intValue(),
                            ((Number) row[3]).intValue(),
                            ((Number) row[4]).intValue(),
                            Responsiveness.median(seconds),
                            seconds.size()));
        }
        return stats;
    }
}
