package org.careloop.screening.screening.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.screening.ScreeningAnswer;

/** Queries over the answers of screenings. */
@ApplicationScoped
@WithSession
public class ScreeningAnswerRepository implements PanacheRepositoryBase<ScreeningAnswer, UUID> {

    /** The answers of several screenings at once, in their recorded order. */
    public Uni<List<ScreeningAnswer>> findByScreenings(Collection<UUID> screeningIds) {
        return list("screeningId in ?1", Sort.by("screeningId").and("ordinal"), screeningIds);
    }
}
