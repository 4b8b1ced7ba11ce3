package org.careloop.directory.responsiveness.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.directory.responsiveness.AcknowledgementSample;

/** Queries over times to acknowledge. */
@ApplicationScoped
@WithSession
public class AcknowledgementSampleRepository implements PanacheRepositoryBase<AcknowledgementSample, UUID> {

    /** Deletes the samples of a service beyond its {@code keep} most recent ones; returns how many went. */
    public Uni<Long> deleteBeyond(String serviceId, int keep) {
        return getSession()
                .chain(session -> session.createSelectionQuery(
                                "select a.referralId from AcknowledgementSample a where a.serviceId = :service"
                                        + " order by a.acknowledgedAt desc, a.referralId",
                                UUID.class)
                        .setParameter("service", serviceId)
                        .setFirstResult(keep)
                        .getResultList())
                .chain(old -> old.isEmpty() ? Uni.createFrom().item(0L) : delete("referralId in ?1", old));
    }
}
