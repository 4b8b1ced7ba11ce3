package org.careloop.directory.matching.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.careloop.directory.matching.Person;
import org.careloop.directory.matching.ScreeningFacts;

/** The routing facts of screenings, by screening id. */
@ApplicationScoped
@WithSession
public class ScreeningFactsRepository implements PanacheRepositoryBase<ScreeningFacts, UUID> {

    /** Records (or replaces, for a screening published again) the facts of a screening. */
    public Uni<Void> record(UUID screeningId, Person person, Instant at) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into screening_facts (screening_id, postal_code, age_band, language, recorded_at)
                                values (:id, :postal, :age, :language, :at)
                                on conflict (screening_id) do update set postal_code = excluded.postal_code,
                                    age_band = excluded.age_band, language = excluded.language,
                                    recorded_at = excluded.recorded_at
                                """)
                        .setParameter("id", screeningId)
                        .setParameter("postal", person.postalCode())
                        .setParameter("age", person.ageBand())
                        .setParameter("language", person.language())
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The facts recorded for a screening, or {@link Person#UNKNOWN} when none are (purged, or never received). */
    public Uni<Person> person(UUID screeningId) {
        return findById(screeningId).map(facts -> facts == null ? Person.UNKNOWN : facts.person());
    }

    /** Deletes the facts recorded before {@code before}; returns how many. */
    public Uni<Long> purgeRecordedBefore(Instant before) {
        return delete("recordedAt < ?1", before);
    }
}
