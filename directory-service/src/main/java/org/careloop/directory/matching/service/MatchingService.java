package org.careloop.directory.matching.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.contracts.codes.SdohCategories;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.referral.MatchRequested;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.careloop.directory.availability.service.AvailabilityPublisher;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.holds.service.HoldService;
import org.careloop.directory.matching.Candidate;
import org.careloop.directory.matching.MatchOutcome;
import org.careloop.directory.matching.Person;
import org.careloop.directory.matching.RankedCandidate;
import org.careloop.directory.matching.Ranking;
import org.careloop.directory.matching.repository.ScreeningFactsRepository;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.outbox.EventOutbox;

/**
 * Matches needs to services and holds the place of each match in the same transaction: the services to hold at are
 * locked, their capacity re-read under the lock, and a need whose best candidate filled up meanwhile falls to the next
 * one, so two matches never both take the last place. Needs without consent to share hold nothing.
 */
@ApplicationScoped
public class MatchingService {

    static final String METRIC = "careloop.matches";

    private final CandidateService candidates;
    private final ScreeningFactsRepository facts;
    private final Ranking ranking;
    private final ServiceRepository services;
    private final HoldService holds;
    private final AvailabilityPublisher publisher;
    private final EventOutbox outbox;
    private final DirectoryConfig config;
    private final MeterRegistry meters;

    public MatchingService(
            CandidateService candidates,
            ScreeningFactsRepository facts,
            Ranking ranking,
            ServiceRepository services,
            HoldService holds,
            AvailabilityPublisher publisher,
            EventOutbox outbox,
            DirectoryConfig config,
            MeterRegistry meters) {
        this.candidates = candidates;
        this.facts = facts;
        this.ranking = ranking;
        this.services = services;
        this.holds = holds;
        this.publisher = publisher;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /** The best {@code limit} services for a category, with the score and reason of each; holds nothing. */
    public Uni<MatchOutcome> match(String category, int limit) {
        return match(category, limit, Person.UNKNOWN);
    }

    /**
     * The best {@code limit} services for a category that qualify for the person (place, age, language), with the score
     * and reason of each; holds nothing.
     */
    @WithSession
    public Uni<MatchOutcome> match(String category, int limit, Person person) {
        Instant now = Instant.now();
        return rank(new Need(null, category, Set.of(), null, false), person, limit, now);
    }

    /**
     * Matches every need of a screening, holds a place for each match when the patient consented to share, and
     * publishes one {@code needs-matched} event. Runs in the consumer's transaction, so the holds, the event and the
     * consumed event's id are committed together.
     */
    @WithTransaction
    public Uni<Void> matchScreening(ScreeningCompleted screening) {
        Instant now = Instant.now();
        Set<String> recipients =
                screening.consent() == null || screening.consent().recipients() == null
                        ? null
                        : Set.copyOf(screening.consent().recipients());
        List<Need> needs = screening.needs().stream()
                .map(n -> new Need(n.needId(), n.category(), Set.of(), recipients, n.sensitiveNeed()))
                .toList();
        Person person = Person.of(screening.postalCode(), screening.ageBand(), screening.preferredLanguage());
        return facts.record(screening.screeningId(), person, now)
                .chain(() -> allocate(needs, screening.consentToShare(), person, screening.screeningId(), null, now))
                .chain(matches -> {
                    NeedsMatched event = new NeedsMatched(
                            screening.screeningId(),
                            screening.patientId(),
                            screening.requesterOrganizationId(),
                            screening.consentToShare(),
                            now,
                            matches,
                            null,
                            screening.doNotContact(),
                            recipients == null ? null : List.copyOf(new TreeSet<>(recipients)),
                            screening.consent() == null
                                    ? null
                                    : screening.consent().consentId());
                    return outbox.append(
                                    Topics.NEEDS_MATCHED,
                                    EventTypes.NEEDS_MATCHED,
                                    screening.screeningId().toString(),
                                    event)
                            .invoke(eventId -> {
                                matches.forEach(this::count);
                                Log.infof(
                                        "Screening %s: %d of %d needs matched%s (event %s)",
                                        screening.screeningId(),
                                        matches.stream()
                                                .filter(NeedsMatched.Match::matched)
                                                .count(),
                                        matches.size(),
                                        screening.consentToShare() ? ", places held" : ", no consent: nothing held",
                                        eventId);
                            });
                })
                .replaceWithVoid();
    }

    /**
     * Answers a match request of the referral service: a fresh match for one need that excludes the services already
     * tried, with a place held for it, published as a {@code needs-matched} that carries the request id.
     */
    @WithTransaction
    public Uni<Void> matchRequest(MatchRequested request) {
        Instant now = Instant.now();
        Set<String> recipients = request.consentRecipients() == null ? null : Set.copyOf(request.consentRecipients());
        Need need = new Need(
                request.needId(), request.category(), Set.copyOf(request.excludeServiceIds()), recipients, false);
        // The same person facts as the screening's first match (re-routing), unknown when they were purged.
        return facts.person(request.screeningId())
                .chain(person -> allocate(List.of(need), true, person, request.screeningId(), request.requestId(), now))
                .chain(matches -> {
                    NeedsMatched event = new NeedsMatched(
                            request.screeningId(),
                            request.patientId(),
                            request.requesterOrganizationId(),
                            true,
                            now,
                            matches,
                            request.requestId(),
                            null,
                            request.consentRecipients(),
                            null);
                    NeedsMatched.Match match = matches.getFirst();
                    return outbox.append(
                                    Topics.NEEDS_MATCHED,
                                    EventTypes.NEEDS_MATCHED,
                                    request.screeningId().toString(),
                                    event)
                            .invoke(eventId -> {
                                count(match);
                                Log.infof(
                                        "Match request %s for need %s (attempt %d, %d services excluded): %s (event %s)",
                                        request.requestId(),
                                        request.needId(),
                                        request.attempt(),
                                        request.excludeServiceIds().size(),
                                        match.matched() ? "matched to " + match.serviceId() : "unmatched",
                                        eventId);
                            });
                })
                .replaceWithVoid();
    }

    /**
     * A need to match.
     *
     * @param needId the need
     * @param category its SDOHCC category
     * @param excluded services not to offer (already tried)
     * @param recipients the organizations the person's consent covers; null for all
     * @param sensitive an interpersonal-safety need (passed on: the referral service has it reviewed)
     */
    private record Need(
            UUID needId, String category, Set<String> excluded, Set<String> recipients, boolean sensitive) {}

    /** What one matching transaction has locked and changed. */
    private static final class Allocation {
        final Set<String> locked = new HashSet<>();
        final Set<String> changed = new TreeSet<>();
    }

    private Uni<List<NeedsMatched.Match>> allocate(
            List<Need> needs, boolean hold, Person person, UUID screeningId, UUID matchRequestId, Instant now) {
        if (needs.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int limit = config.ranking().candidates();
        return Multi.createFrom()
                .iterable(needs)
                .onItem()
                .transformToUniAndConcatenate(need -> rank(need, person, limit, now))
                .collect()
                .asList()
                .chain(outcomes -> {
                    if (!hold) {
                        List<NeedsMatched.Match> matches = new java.util.ArrayList<>();
                        for (int i = 0; i < needs.size(); i++) {
                            matches.add(toMatch(needs.get(i), outcomes.get(i)));
                        }
                        return Uni.createFrom().item(List.copyOf(matches));
                    }
                    // Lock the best candidates of every need at once, in id order; a later, rarer lock (a need whose
                    // candidates all filled up meanwhile) can wait on another matcher, which PostgreSQL resolves as a
                    // deadlock the consumer retries.
                    Set<String> first = new TreeSet<>();
                    outcomes.forEach(outcome -> outcome.ranked().stream()
                            .map(r -> r.candidate().serviceId())
                            .forEach(first::add));
                    Allocation allocation = new Allocation();
                    return lock(first, allocation)
                            .chain(() -> Multi.createFrom()
                                    .iterable(needs)
                                    .onItem()
                                    .transformToUniAndConcatenate(need ->
                                            allocateOne(need, person, allocation, screeningId, matchRequestId, now))
                                    .collect()
                                    .asList())
                            .call(() -> publisher.publish(allocation.changed, CapacityCauses.HOLD, now));
                });
    }

    /** Ranks one need: the match query, then Ranking over its window; the unmatched reason from a second query. */
    private Uni<MatchOutcome> rank(Need need, Person person, int limit, Instant now) {
        CandidateService.Request request =
                new CandidateService.Request(need.category(), need.excluded(), need.recipients(), person, limit, now);
        return candidates.find(request).chain(found -> {
            MatchOutcome outcome = ranking.rank(need.category(), found, need.excluded(), limit, today(now));
            if (!outcome.ranked().isEmpty()) {
                return Uni.createFrom().item(outcome);
            }
            return candidates.whyUnmatched(request).map(reason -> new MatchOutcome(need.category(), List.of(), reason));
        });
    }

    /** Ranks a need on figures read under the locks of its best candidates, and holds a place at the first. */
    private Uni<NeedsMatched.Match> allocateOne(
            Need need, Person person, Allocation allocation, UUID screeningId, UUID matchRequestId, Instant now) {
        int limit = config.ranking().candidates();
        return services.flush().chain(() -> rank(need, person, limit, now)).chain(outcome -> {
            if (outcome.ranked().isEmpty()) {
                return Uni.createFrom().item(toMatch(need, outcome));
            }
            Candidate best = outcome.ranked().getFirst().candidate();
            if (!allocation.locked.contains(best.serviceId())) {
                // The figures of unlocked candidates may already be stale: lock them, then read again.
                Set<String> more = new TreeSet<>();
                outcome.ranked().stream()
                        .map(r -> r.candidate().serviceId())
                        .filter(id -> !allocation.locked.contains(id))
                        .forEach(more::add);
                return lock(more, allocation).chain(() -> {
                    if (!allocation.locked.contains(best.serviceId())) {
                        return Uni.createFrom()
                                .failure(new IllegalStateException(
                                        "Service " + best.serviceId() + " could not be locked"));
                    }
                    return allocateOne(need, person, allocation, screeningId, matchRequestId, now);
                });
            }
            return holds.take(best.serviceId(), need.needId(), screeningId, need.category(), matchRequestId, now)
                    .invoke(taken -> {
                        // A service that publishes no capacity keeps the hold as a record of the match, but
                        // has no availability to change.
                        if (taken && best.capacityKnown()) {
                            allocation.changed.add(best.serviceId());
                        }
                    })
                    .replaceWith(toMatch(need, outcome));
        });
    }

    private Uni<Void> lock(Collection<String> serviceIds, Allocation allocation) {
        return services.lockByIds(serviceIds)
                .invoke(locked -> locked.forEach(s -> allocation.locked.add(s.id)))
                .replaceWithVoid();
    }

    private static NeedsMatched.Match toMatch(Need need, MatchOutcome outcome) {
        if (outcome.ranked().isEmpty()) {
            return new NeedsMatched.Match(
                    need.needId(),
                    need.category(),
                    null,
                    null,
                    0,
                    outcome.unmatchedReason(),
                    List.of(),
                    need.sensitive());
        }
        RankedCandidate best = outcome.ranked().getFirst();
        List<NeedsMatched.Candidate> ranked =
                outcome.ranked().stream().map(MatchingService::toCandidate).toList();
        return new NeedsMatched.Match(
                need.needId(),
                need.category(),
                best.candidate().serviceId(),
                best.candidate().organizationId(),
                best.rank(),
                best.reason(),
                ranked,
                need.sensitive());
    }

    private static NeedsMatched.Candidate toCandidate(RankedCandidate r) {
        return new NeedsMatched.Candidate(
                r.candidate().serviceId(),
                r.candidate().organizationId(),
                r.rank(),
                r.reason(),
                r.candidate().available(),
                roundScore(r.score()));
    }

    /** Scores are published with four decimals: enough to order, short to read. */
    public static double roundScore(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private void count(NeedsMatched.Match match) {
        // Categories come from other systems: unknown values share one tag so the metric cannot explode.
        String category = SdohCategories.isCode(match.category()) ? match.category() : "unknown";
        String outcome = match.matched() ? "matched" : "unmatched";
        AfterCommit.run(() ->
                meters.counter(METRIC, "category", category, "outcome", outcome).increment());
    }
}
