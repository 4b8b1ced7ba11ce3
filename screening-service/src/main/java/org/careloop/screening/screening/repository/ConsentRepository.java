package org.careloop.screening.screening.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.screening.Consent;

/** Queries over the consents recorded with screenings. */
@ApplicationScoped
@WithSession
public class ConsentRepository implements PanacheRepositoryBase<Consent, UUID> {

    /** The consents of several screenings at once. */
    public Uni<List<Consent>> findByScreenings(Collection<UUID> screeningIds) {
        return list("screeningId in ?1", screeningIds);
    }
}
