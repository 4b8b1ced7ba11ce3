package org.careloop.directory.matching.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.careloop.directory.matching.Candidate;
import org.careloop.directory.matching.Ranking;
import org.careloop.directory.matching.repository.CandidateRepository;
import org.careloop.directory.responsiveness.ResponsivenessStats;
import org.careloop.directory.responsiveness.repository.ResponsivenessRepository;

/** Gathers the facts ranking needs: listing, capacity after holds, responsiveness and recent load. */
@ApplicationScoped
public class CandidateService {

    private final CandidateRepository candidates;
    private final ResponsivenessRepository responsiveness;
    private final Ranking ranking;

    public CandidateService(CandidateRepository candidates, ResponsivenessRepository responsiveness, Ranking ranking) {
        this.candidates = candidates;
        this.responsiveness = responsiveness;
        this.ranking = ranking;
    }

    /** Every service listed under the categories, as the database has it at {@code now}. */
    public Uni<List<Candidate>> find(Collection<String> categories, Instant now) {
        Instant since = now.minus(ranking.settings().loadWindow());
        return candidates.findByCategories(categories, since).chain(rows -> responsiveness
                .findStats(rows.stream()
                        .map(CandidateRepository.Row::serviceId)
                        .distinct()
                        .toList())
                .map(stats -> rows.stream()
                        .map(r -> new Candidate(
                                r.category(),
                                r.serviceId(),
                                r.organizationId(),
                                r.status(),
                                r.available(),
                                r.held(),
                                r.maximum(),
                                r.unit(),
                                r.assuredDate(),
                                stats.getOrDefault(r.serviceId(), ResponsivenessStats.NONE),
                                r.recentHolds()))
                        .toList()));
    }
}
