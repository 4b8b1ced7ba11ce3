package org.careloop.referral.consent.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.careloop.referral.consent.ConsentCoverage;
import org.careloop.referral.consent.ConsentDecision;

/** Queries over the replica of consent decisions, and the lock that puts one person's routing decisions in line. */
@ApplicationScoped
@WithSession
public class ConsentDecisionRepository implements PanacheRepositoryBase<ConsentDecision, UUID> {

    /** Namespace (first key of the two-key advisory lock) of the per-person lock; the outbox uses 7283. */
    static final int PERSON_LOCK_NAMESPACE = 7284;

    /** Every decision of a person at a clinic. */
    public Uni<List<ConsentDecision>> findByPerson(String personRef, String requesterOrganizationId) {
        return list(
                "personRef = :person and requesterOrganizationId = :clinic",
                Map.of("person", personRef, "clinic", requesterOrganizationId));
    }

    /** Active decisions whose period ended by {@code now} and whose end was not enforced yet, oldest end first. */
    public Uni<List<UUID>> findEndsDue(Instant now, int limit) {
        return find(
                        "status = 'active' and validUntil <= ?1 and endEnforcedAt is null",
                        Sort.ascending("validUntil"),
                        now)
                .project(Id.class)
                .page(0, limit)
                .list()
                .map(ids -> ids.stream().map(Id::consentId).toList());
    }

    /** Projection of a decision's id. */
    public record Id(UUID consentId) {}

    /** The decision that governs for a person at a clinic, if the replica knows any. */
    public Uni<Optional<ConsentDecision>> current(String personRef, String requesterOrganizationId) {
        return findByPerson(personRef, requesterOrganizationId).map(ConsentCoverage::current);
    }

    /**
     * Takes the lock of one person at one clinic until the transaction ends. Every decision that creates, sends or
     * ends a referral of the person takes it first, so a consent change and a routing decision about the same person
     * never run side by side: whichever commits second sees what the first did (a revocation that arrived before the
     * match blocks the referral; one that arrives while it is being created cancels it).
     */
    public Uni<Void> lockPerson(String personRef, String requesterOrganizationId) {
        return getSession()
                .chain(s -> s.createNativeQuery(
                                "select count(*) from (select pg_advisory_xact_lock(" + PERSON_LOCK_NAMESPACE
                                        + ", hashtext(:key))) l",
                                Long.class)
                        .setParameter("key", requesterOrganizationId + "|" + personRef)
                        .getSingleResult())
                .replaceWithVoid();
    }
}
