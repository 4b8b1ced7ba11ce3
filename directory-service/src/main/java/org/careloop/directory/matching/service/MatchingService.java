package org.careloop.directory.matching.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.careloop.directory.matching.Candidate;
import org.careloop.directory.matching.MatchOutcome;
import org.careloop.directory.matching.RankedCandidate;
import org.careloop.directory.matching.Ranking;
import org.careloop.directory.matching.repository.CandidateRepository;
import org.careloop.directory.sdoh.SdohCategories;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.outbox.EventOutbox;

/**
 * Matches needs to services. Matching only reads capacity: holding places for a referral belongs to a later change,
 * so two screenings can be matched to the same last place.
 */
@ApplicationScoped
public class MatchingService {

    static final String METRIC = "careloop.matches";

    private final CandidateRepository candidates;
    private final EventOutbox outbox;
    private final MeterRegistry meters;

    public MatchingService(CandidateRepository candidates, EventOutbox outbox, MeterRegistry meters) {
        this.candidates = candidates;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** The best {@code limit} services for a category, with the reason for each. */
    @WithSession
    public Uni<MatchOutcome> match(String category, int limit) {
        return candidates.findByCategories(Set.of(category)).map(found -> Ranking.rank(category, found, limit));
    }

    /**
     * Picks the best service for every need of a screening and publishes one {@code needs-matched} event. Runs in
     * the consumer's transaction, so the event and the consumed event's id are committed together.
     */
    @WithTransaction
    public Uni<Void> matchScreening(ScreeningCompleted screening) {
        Set<String> categories = screening.needs().stream()
                .map(ScreeningCompleted.Need::category)
                .collect(Collectors.toSet());
        return candidates.findByCategories(categories).chain(found -> {
            List<NeedsMatched.Match> matches = screening.needs().stream()
                    .map(need -> toMatch(need, Ranking.rank(need.category(), found, 1)))
                    .toList();
            NeedsMatched event = new NeedsMatched(
                    screening.screeningId(),
                    screening.patientId(),
                    screening.requesterOrganizationId(),
                    screening.consentToShare(),
                    Instant.now(),
                    matches);
            return outbox.append(
                            Topics.NEEDS_MATCHED,
                            EventTypes.NEEDS_MATCHED,
                            screening.screeningId().toString(),
                            event)
                    .invoke(eventId -> {
                        // Counted once the event is in the outbox; a retried transaction may count a need twice.
                        matches.forEach(this::count);
                        Log.infof(
                                "Screening %s: %d of %d needs matched (event %s)",
                                screening.screeningId(),
                                matches.stream()
                                        .filter(NeedsMatched.Match::matched)
                                        .count(),
                                matches.size(),
                                eventId);
                    })
                    .replaceWithVoid();
        });
    }

    private static NeedsMatched.Match toMatch(ScreeningCompleted.Need need, MatchOutcome outcome) {
        return outcome.best()
                .map(best -> matched(need, best))
                .orElseGet(() -> new NeedsMatched.Match(
                        need.needId(), need.category(), null, null, 0, outcome.unmatchedReason()));
    }

    private static NeedsMatched.Match matched(ScreeningCompleted.Need need, RankedCandidate best) {
        Candidate c = best.candidate();
        return new NeedsMatched.Match(
                need.needId(), need.category(), c.serviceId(), c.organizationId(), best.rank(), best.reason());
    }

    private void count(NeedsMatched.Match match) {
        // Categories come from other systems: unknown values share one tag so the metric cannot explode.
        String category = SdohCategories.isCode(match.category()) ? match.category() : "unknown";
        String outcome = match.matched() ? "matched" : "unmatched";
        AfterCommit.run(() ->
                meters.counter(METRIC, "category", category, "outcome", outcome).increment());
    }
}
