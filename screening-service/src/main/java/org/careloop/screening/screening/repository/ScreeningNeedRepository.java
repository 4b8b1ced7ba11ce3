package org.careloop.screening.screening.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.screening.ScreeningNeed;

/** Queries over the needs of screenings. */
@ApplicationScoped
@WithSession
public class ScreeningNeedRepository implements PanacheRepositoryBase<ScreeningNeed, UUID> {

    /** The needs of several screenings at once, in their recorded order. */
    public Uni<List<ScreeningNeed>> findByScreenings(Collection<UUID> screeningIds) {
        return list("screeningId in ?1", Sort.by("screeningId").and("ordinal"), screeningIds);
    }
}
