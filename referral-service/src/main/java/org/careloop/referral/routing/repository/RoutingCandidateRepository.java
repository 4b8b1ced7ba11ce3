package org.careloop.referral.routing.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.referral.routing.RoutingCandidate;

/** Queries over the candidates the directory offered for needs. */
@ApplicationScoped
@WithSession
public class RoutingCandidateRepository implements PanacheRepositoryBase<RoutingCandidate, Long> {

    /** A need's candidates in the directory's order: match round, then rank. */
    public Uni<List<RoutingCandidate>> findByNeed(UUID needId) {
        return list("needId", Sort.ascending("round", "rank"), needId);
    }
}
