package org.careloop.screening.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.screening.consent.ConsentDecision;

/** Queries over consent decisions. */
@ApplicationScoped
@WithSession
public class ConsentDecisionRepository implements PanacheRepositoryBase<ConsentDecision, UUID> {

    /** The decision in force for a person: their latest; null when none was ever recorded. */
    public Uni<ConsentDecision> latest(String personRef) {
        return find("personRef = ?1", Sort.descending("recordedAt", "id"), personRef)
                .firstResult();
    }

    /** The decisions recorded with several screenings at once. */
    public Uni<List<ConsentDecision>> ofScreenings(java.util.Collection<UUID> screeningIds) {
        return list("screeningId in ?1", screeningIds);
    }

    /** A person's decisions, newest first. */
    public Uni<Page<ConsentDecision>> ofPerson(String personRef, PageRequest page) {
        var query = find("personRef = ?1", Sort.descending("recordedAt", "id"), personRef);
        return query.page(page.page, page.size).list().chain(items -> query.count()
                .map(total -> Page.of(items, page, total)));
    }

    /** Active decisions whose period ended before {@code now}, a batch at a time. */
    public Uni<List<ConsentDecision>> endedBefore(Instant now, int batch) {
        return find(
                        "status = 'active' and validUntil is not null and validUntil <= ?1",
                        Sort.ascending("validUntil"),
                        now)
                .page(0, batch)
                .list();
    }
}
