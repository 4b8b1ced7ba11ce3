package org.careloop.directory.matching.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.matching.Candidate;
import org.careloop.directory.matching.Person;
import org.careloop.directory.matching.Ranking;
import org.careloop.directory.matching.RankingSettings;
import org.careloop.directory.matching.repository.CandidateRepository;
import org.careloop.directory.responsiveness.ResponsivenessStats;
import org.careloop.directory.responsiveness.repository.ResponsivenessRepository;

/**
 * Gathers the facts ranking needs about the services that qualify for a need: one match query (place, age, language,
 * status, capacity, consent and exclusions in PostgreSQL) returning a bounded window, and the responsiveness of that
 * window.
 */
@ApplicationScoped
public class CandidateService {

    /** Timer of the match query, with a percentile histogram (p50 and p99 at /q/metrics). */
    public static final String QUERY_TIMER = "careloop.directory.match.query";

    private final CandidateRepository candidates;
    private final ResponsivenessRepository responsiveness;
    private final Ranking ranking;
    private final DirectoryConfig config;
    private final Timer queryTimer;

    public CandidateService(
            CandidateRepository candidates,
            ResponsivenessRepository responsiveness,
            Ranking ranking,
            DirectoryConfig config,
            MeterRegistry meters) {
        this.candidates = candidates;
        this.responsiveness = responsiveness;
        this.ranking = ranking;
        this.config = config;
        this.queryTimer = Timer.builder(QUERY_TIMER)
                .description("The match query of one need: filtering, distance and pre-ranking in PostgreSQL")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /**
     * What to match.
     *
     * @param category the need's category
     * @param excluded services not to offer
     * @param recipients organizations the person's consent covers; null for all
     * @param person the person's routing facts
     * @param limit how many ranked candidates the caller wants
     * @param now the instant of the match
     */
    public record Request(
            String category, Set<String> excluded, Set<String> recipients, Person person, int limit, Instant now) {}

    /** The qualifying services of a need at {@code now}, at most the limit times the window factor. */
    public Uni<List<Candidate>> find(Request request) {
        CandidateRepository.Query query = query(request);
        return Uni.createFrom()
                .deferred(() -> {
                    long start = System.nanoTime();
                    return candidates
                            .findQualifying(query, tuning())
                            .onTermination()
                            .invoke(() -> queryTimer.record(
                                    System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
                })
                .chain(rows -> responsiveness
                        .findStats(rows.stream()
                                .map(CandidateRepository.Row::serviceId)
                                .toList())
                        .map(stats -> rows.stream()
                                .map(r -> new Candidate(
                                        request.category(),
                                        r.serviceId(),
                                        r.organizationId(),
                                        r.status(),
                                        r.available(),
                                        r.held(),
                                        r.maximum(),
                                        r.unit(),
                                        r.assuredDate(),
                                        stats.getOrDefault(r.serviceId(), ResponsivenessStats.NONE),
                                        r.recentHolds(),
                                        new Candidate.Fit(
                                                request.person(),
                                                r.coveredByArea(),
                                                r.distanceKm(),
                                                r.radiusKm(),
                                                r.speaksLanguage(),
                                                r.languageName(),
                                                r.interpretation(),
                                                r.languagesPublished())))
                                .toList()));
    }

    /** Why nothing qualifies for the need: counts per reason, from a second query over the category. */
    public Uni<String> whyUnmatched(Request request) {
        return candidates
                .findUnqualified(query(request))
                .map(u -> Ranking.whyUnmatched(request.category(), request.person(), u));
    }

    private CandidateRepository.Query query(Request request) {
        return new CandidateRepository.Query(
                request.category(),
                request.excluded(),
                request.recipients(),
                request.person(),
                request.limit() * config.matching().windowFactor(),
                request.now().minus(ranking.settings().loadWindow()));
    }

    private CandidateRepository.Tuning tuning() {
        RankingSettings s = ranking.settings();
        return new CandidateRepository.Tuning(
                config.matching().defaultRadiusKm(),
                config.matching().maxRadiusKm(),
                s.weights().capacity(),
                s.capacityScale(),
                s.weights().distance(),
                s.distanceScaleKm());
    }
}
