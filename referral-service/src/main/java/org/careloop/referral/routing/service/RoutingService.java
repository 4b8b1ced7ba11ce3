package org.careloop.referral.routing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.StatusReasonCodes;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.referral.MatchRequested;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.inbox.PoisonMessageException;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.referral.consent.ConsentCoverage;
import org.careloop.referral.consent.ConsentDecision;
import org.careloop.referral.consent.ConsentScope;
import org.careloop.referral.consent.repository.ConsentDecisionRepository;
import org.careloop.referral.directory.KnownService;
import org.careloop.referral.directory.repository.KnownServiceRepository;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.lifecycle.TransitionPolicy;
import org.careloop.referral.lifecycle.repository.ReferralRepository;
import org.careloop.referral.lifecycle.service.ReferralWriter;
import org.careloop.referral.routing.NeedRouting;
import org.careloop.referral.routing.NextCandidate;
import org.careloop.referral.routing.QueueReasons;
import org.careloop.referral.routing.RoutingCandidate;
import org.careloop.referral.routing.RoutingState;
import org.careloop.referral.routing.config.RoutingConfig;
import org.careloop.referral.routing.repository.NeedRoutingRepository;
import org.careloop.referral.routing.repository.RoutingCandidateRepository;
import org.careloop.referral.settings.ReviewDecision;
import org.careloop.referral.settings.repository.RoutingSettingRepository;

/**
 * Routes needs from one attempt to the next until an organization takes one on: the first attempt from the
 * directory's match, the next after a rejection or a recall from the remaining candidates (another organization,
 * still with places), then from a fresh match the directory is asked for, and finally the coordinators' work queue.
 * Only organizations the person's consent covers are ever chosen (the recipients the match carried and the replica's
 * current decision); a need whose consent permits nothing any more is closed. A need the clinic reviews (its setting
 * for the category, or an interpersonal-safety need) gets drafts instead of sent referrals. Every method joins the
 * caller's transaction and locks the need's routing row, so that a need never has two open attempts; the callers hold
 * the person's lock ({@link ConsentDecisionRepository#lockPerson}).
 */
@ApplicationScoped
public class RoutingService {

    /** Counter of next attempts made, tagged {@code cause} (rejected, recalled, rematched, assigned). */
    public static final String REROUTED_METRIC = "careloop.referrals.rerouted";

    /** Counter of needs put in the coordinators' work queue, tagged {@code reason}. */
    public static final String QUEUED_METRIC = "careloop.needs.queued";

    /** Counter of fresh matches asked of the directory. */
    public static final String MATCH_REQUESTS_METRIC = "careloop.match.requests";

    /** Counter of needs closed without a referral because consent permits nothing any more, tagged {@code reason}. */
    public static final String BLOCKED_METRIC = "careloop.needs.consent.blocked";

    /** Reason codes with which an ended referral closes its need with that code rather than its status. */
    private static final Set<String> CLOSING_CODES = Set.of(
            StatusReasonCodes.CONSENT_REVOKED, StatusReasonCodes.CONSENT_EXPIRED, StatusReasonCodes.DECLINED_AT_REVIEW);

    private final NeedRoutingRepository routings;
    private final RoutingCandidateRepository candidates;
    private final ReferralRepository referrals;
    private final KnownServiceRepository services;
    private final ConsentDecisionRepository decisions;
    private final RoutingSettingRepository settings;
    private final ReferralWriter writer;
    private final EventOutbox outbox;
    private final RoutingConfig config;
    private final MeterRegistry meters;

    public RoutingService(
            NeedRoutingRepository routings,
            RoutingCandidateRepository candidates,
            ReferralRepository referrals,
            KnownServiceRepository services,
            ConsentDecisionRepository decisions,
            RoutingSettingRepository settings,
            ReferralWriter writer,
            EventOutbox outbox,
            RoutingConfig config,
            MeterRegistry meters) {
        this.routings = routings;
        this.candidates = candidates;
        this.referrals = referrals;
        this.services = services;
        this.decisions = decisions;
        this.settings = settings;
        this.writer = writer;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Applies the directory's answer: to a screening (the first attempt at each matched need, the unmatched ones to
     * the work queue) or to a {@code match-requested} (the next attempt at that need, or the work queue). Takes the
     * person's lock first, so that a consent decision about them is either seen here or applied after.
     *
     * @param changedBy the event's source, for the history
     */
    public Uni<Void> onNeedsMatched(NeedsMatched matched, String changedBy) {
        for (NeedsMatched.Match match : matched.matches()) {
            if (match.matched()
                    && (match.organizationId() == null || match.organizationId().isBlank())) {
                throw new PoisonMessageException("Screening " + matched.screeningId() + ": need " + match.needId()
                        + " is matched to service " + match.serviceId() + " without an organizationId");
            }
        }
        if (matched.matchRequestId() == null && !matched.consentToShare()) {
            Log.infof("Screening %s: no consent to share, no referral created", matched.screeningId());
            return Uni.createFrom().voidItem();
        }
        String person = matched.patientId();
        String clinic = matched.requesterOrganizationId();
        return decisions
                .lockPerson(person, clinic)
                .chain(() -> decisions.current(person, clinic))
                .chain(found -> newerThanKnown(matched, found))
                .chain(found -> {
                    ConsentCoverage.Decision current = found.orElse(null);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    if (matched.matchRequestId() != null) {
                        for (NeedsMatched.Match match : matched.matches()) {
                            chain = chain.chain(() -> onMatchAnswer(matched, match, current, changedBy));
                        }
                        return chain;
                    }
                    Set<UUID> planned = new HashSet<>();
                    for (NeedsMatched.Match match : matched.matches()) {
                        if (planned.add(match.needId())) {
                            chain = chain.chain(() -> routeFirst(matched, match, current, changedBy));
                        }
                    }
                    return chain;
                });
    }

    /**
     * The person's decision that governs this match. A screening records a new decision, whose {@code consent-changed}
     * may arrive after the match: when the match names a decision the replica does not know yet, that decision is the
     * newer one and the match's own terms ({@code consentToShare}, {@code consentRecipients}) stand; a later
     * {@code consent-changed} still ends what it no longer covers.
     */
    private Uni<Optional<ConsentDecision>> newerThanKnown(NeedsMatched matched, Optional<ConsentDecision> found) {
        if (matched.matchRequestId() != null
                || matched.consentId() == null
                || found.isEmpty()
                || matched.consentId().equals(found.get().consentId())) {
            return Uni.createFrom().item(found);
        }
        return decisions.findById(matched.consentId()).map(known -> {
            if (known != null) {
                return found;
            }
            Log.infof(
                    "Screening %s: consent %s is newer than the replica's %s; the match's terms stand",
                    matched.screeningId(), matched.consentId(), found.get().consentId());
            return Optional.<ConsentDecision>empty();
        });
    }

    private Uni<Void> routeFirst(
            NeedsMatched matched, NeedsMatched.Match match, ConsentCoverage.Decision current, String changedBy) {
        return routings.lock(match.needId()).chain(existing -> {
            if (existing != null) {
                Log.infof(
                        "Screening %s: need %s is routed already (%s), match ignored",
                        matched.screeningId(), match.needId(), existing.state());
                return Uni.createFrom().voidItem();
            }
            return referrals.existsForNeed(match.needId()).chain(referred -> {
                if (referred) {
                    Log.infof(
                            "Screening %s: need %s already has a referral, match ignored",
                            matched.screeningId(), match.needId());
                    return Uni.createFrom().voidItem();
                }
                Instant now = ReferralWriter.now();
                NeedRouting routing = NeedRouting.of(
                                match.needId(),
                                matched.screeningId(),
                                matched.patientId(),
                                match.category(),
                                matched.requesterOrganizationId(),
                                now)
                        .constrained(matched.consentRecipients(), match.sensitiveNeed(), matched.contactProhibited());
                ConsentScope scope = new ConsentScope(routing.consentRecipients(), current, now);
                if (scope.blocked()) {
                    // The person withdrew (or the consent ran out) before the match arrived: nothing is shared.
                    blocked(routing, scope);
                    return routings.persist(routing).replaceWithVoid();
                }
                if (!match.matched()) {
                    return routings.persist(routing)
                            .chain(() -> queue(routing, QueueReasons.NO_CANDIDATES, match.reason()));
                }
                return settings.modeOf(routing.requesterOrganizationId(), routing.category())
                        .chain(mode -> {
                            routing.reviewed(ReviewDecision.review(mode, routing.sensitive()));
                            List<NeedsMatched.Candidate> offered = match.candidatesOrBest();
                            // The directory holds a place for its best candidate: the first attempt goes there, unless
                            // the person's consent does not cover it.
                            Optional<NeedsMatched.Candidate> chosen = NextCandidate.choose(
                                    offered,
                                    Set.of(),
                                    Set.of(),
                                    Map.<String, KnownService>of(),
                                    NeedsMatched.Candidate::serviceId,
                                    NeedsMatched.Candidate::organizationId,
                                    scope::covers);
                            return routings.persist(routing)
                                    .chain(() -> saveCandidates(routing.needId(), 1, match))
                                    .chain(() -> chosen.map(c -> create(
                                                            routing,
                                                            null,
                                                            c.serviceId(),
                                                            c.organizationId(),
                                                            ActorRoles.SYSTEM,
                                                            changedBy)
                                                    .replaceWithVoid())
                                            .orElseGet(() -> requestMatch(
                                                    routing,
                                                    Tried.NONE,
                                                    scope,
                                                    uncovered(
                                                            offered,
                                                            scope,
                                                            NeedsMatched.Candidate::serviceId,
                                                            NeedsMatched.Candidate::organizationId))));
                        });
            });
        });
    }

    /**
     * A referral reached a final status (in the caller's transaction, after its change was written): the next
     * attempt after a rejection or a recall, the work queue after a coordinator's reassignment, else the routing
     * of the need ends (for good after a consent cancellation or a decline at review).
     */
    public Uni<Void> onReferralEnded(Referral ended, String changedBy) {
        if (!TransitionPolicy.isTerminal(ended.status())) {
            return Uni.createFrom().voidItem();
        }
        return routings.lock(ended.needId()).chain(found -> {
            NeedRouting routing = found == null ? adopt(ended) : found;
            Uni<Void> saved = found == null
                    ? routings.persist(routing).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return saved.chain(() -> {
                if (!ended.id().equals(routing.currentReferralId()) || routing.state() != RoutingState.ROUTED) {
                    Log.infof(
                            "Referral %s ended (%s) but is not the open attempt at need %s (%s): routing unchanged",
                            ended.id(), ended.status(), ended.needId(), routing.state());
                    return Uni.createFrom().voidItem();
                }
                Instant now = ReferralWriter.now();
                if (ended.status() == ReferralStatus.REJECTED) {
                    return next(routing, ended, "rejected", changedBy);
                }
                if (ended.status() == ReferralStatus.CANCELLED
                        && StatusReasonCodes.RECALLED_NO_RESPONSE.equals(ended.statusReasonCode())) {
                    return next(routing, ended, "recalled", changedBy);
                }
                if (ended.status() == ReferralStatus.CANCELLED
                        && StatusReasonCodes.REASSIGNED.equals(ended.statusReasonCode())) {
                    return queue(
                            routing,
                            QueueReasons.REASSIGNED,
                            "Referral " + ended.id() + " was cancelled for reassignment by a coordinator");
                }
                String code = ended.statusReasonCode();
                String reason = code != null && CLOSING_CODES.contains(code)
                        ? code
                        : ended.status().code();
                routing.closed(reason, ended.statusReason(), now);
                Log.infof(
                        "Need %s: routing closed (%s), its referral %s ended %s",
                        ended.needId(), reason, ended.id(), ended.status());
                return Uni.createFrom().voidItem();
            });
        });
    }

    /** Whom a need may be shared with now: the recipients of its match and the person's current decision. */
    public Uni<ConsentScope> scope(NeedRouting routing) {
        return decisions
                .current(routing.patientId(), routing.requesterOrganizationId())
                .map(current ->
                        new ConsentScope(routing.consentRecipients(), current.orElse(null), ReferralWriter.now()));
    }

    /** The next attempt after {@code ended}: the next candidate left, else a fresh match, else the work queue. */
    private Uni<Void> next(NeedRouting routing, Referral ended, String cause, String changedBy) {
        if (routing.attempts() >= config.maxAttempts()) {
            return queue(
                    routing,
                    QueueReasons.MAX_ATTEMPTS,
                    "Tried " + routing.attempts() + " times (careloop.referral.routing.max-attempts = "
                            + config.maxAttempts() + ")");
        }
        return scope(routing).chain(scope -> {
            if (scope.blocked()) {
                blocked(routing, scope);
                return Uni.createFrom().voidItem();
            }
            return tried(routing.needId())
                    .chain(tried -> candidates.findByNeed(routing.needId()).chain(offered -> services.findByIds(
                                    offered.stream()
                                            .map(RoutingCandidate::serviceId)
                                            .toList())
                            .chain(known -> NextCandidate.choose(
                                            offered,
                                            tried.services(),
                                            tried.organizations(),
                                            known,
                                            RoutingCandidate::serviceId,
                                            RoutingCandidate::organizationId,
                                            scope::covers)
                                    .map(candidate -> attempt(
                                            routing,
                                            ended.id(),
                                            candidate.serviceId(),
                                            candidate.organizationId(),
                                            ActorRoles.SYSTEM,
                                            cause,
                                            changedBy))
                                    .orElseGet(() -> requestMatch(
                                            routing,
                                            tried,
                                            scope,
                                            uncovered(
                                                    offered,
                                                    scope,
                                                    RoutingCandidate::serviceId,
                                                    RoutingCandidate::organizationId))))));
        });
    }

    /**
     * Asks the directory for a fresh match excluding every service of the organizations tried and every candidate the
     * person's consent does not cover, within the consent's recipients.
     */
    private Uni<Void> requestMatch(NeedRouting routing, Tried tried, ConsentScope scope, Set<String> uncovered) {
        return services.serviceIdsOf(tried.organizations()).chain(ofTriedOrganizations -> {
            Set<String> exclude = new TreeSet<>(tried.services());
            exclude.addAll(ofTriedOrganizations);
            exclude.addAll(uncovered);
            Instant now = ReferralWriter.now();
            UUID requestId = UUID.randomUUID();
            MatchRequested request = new MatchRequested(
                    requestId,
                    routing.screeningId(),
                    routing.needId(),
                    routing.patientId(),
                    routing.category(),
                    routing.requesterOrganizationId(),
                    List.copyOf(exclude),
                    routing.attempts() + 1,
                    now,
                    scope.recipients());
            routing.matching(requestId, now);
            Log.infof(
                    "Need %s: no candidate left after %d attempts, asked the directory for a fresh match (%s),"
                            + " excluding %s",
                    routing.needId(), routing.attempts(), requestId, exclude);
            AfterCommit.run(() -> meters.counter(MATCH_REQUESTS_METRIC).increment());
            return outbox.append(
                            Topics.MATCH_REQUESTED,
                            EventTypes.MATCH_REQUESTED,
                            routing.needId().toString(),
                            request)
                    .replaceWithVoid();
        });
    }

    /** The directory's answer to a match request: the next attempt, or the work queue. */
    private Uni<Void> onMatchAnswer(
            NeedsMatched matched, NeedsMatched.Match match, ConsentCoverage.Decision current, String changedBy) {
        return routings.lock(match.needId()).chain(routing -> {
            if (routing == null
                    || routing.state() != RoutingState.MATCHING
                    || !matched.matchRequestId().equals(routing.matchRequestId())) {
                Log.infof(
                        "Need %s: answer to match request %s ignored, the need is %s",
                        match.needId(),
                        matched.matchRequestId(),
                        routing == null ? "unknown" : routing.state() + " (request " + routing.matchRequestId() + ")");
                return Uni.createFrom().voidItem();
            }
            ConsentScope scope = new ConsentScope(routing.consentRecipients(), current, ReferralWriter.now());
            if (scope.blocked()) {
                blocked(routing, scope);
                return Uni.createFrom().voidItem();
            }
            if (!match.matched()) {
                return queue(routing, QueueReasons.NO_CANDIDATES, match.reason());
            }
            return candidates.findByNeed(routing.needId()).chain(stored -> {
                int round =
                        stored.stream().mapToInt(RoutingCandidate::round).max().orElse(0) + 1;
                return saveCandidates(routing.needId(), round, match)
                        .chain(() -> tried(routing.needId()))
                        .chain(tried -> {
                            List<NeedsMatched.Candidate> offered = match.candidatesOrBest();
                            // The directory checked capacity just now: no need to consult the replica.
                            return NextCandidate.choose(
                                            offered,
                                            tried.services(),
                                            tried.organizations(),
                                            Map.<String, KnownService>of(),
                                            NeedsMatched.Candidate::serviceId,
                                            NeedsMatched.Candidate::organizationId,
                                            scope::covers)
                                    .map(candidate -> attempt(
                                            routing,
                                            routing.currentReferralId(),
                                            candidate.serviceId(),
                                            candidate.organizationId(),
                                            ActorRoles.SYSTEM,
                                            "rematched",
                                            changedBy))
                                    .orElseGet(() -> queue(
                                            routing,
                                            QueueReasons.NO_CANDIDATES,
                                            "Every service the directory offered was tried already or is not covered"
                                                    + " by the person's consent: " + match.reason()));
                        });
            });
        });
    }

    /**
     * Makes the next attempt at a need: a {@code requested} referral to the service (a {@code draft} when the clinic
     * reviews the need's referrals and the system chose), following {@code previous}.
     *
     * @param role system for routing, coordinator for an assignment by hand
     * @param cause for the metric: rejected, recalled, rematched, assigned
     */
    public Uni<Void> attempt(
            NeedRouting routing,
            UUID previous,
            String serviceId,
            String organizationId,
            String role,
            String cause,
            String changedBy) {
        return attemptReferral(routing, previous, serviceId, organizationId, role, cause, changedBy)
                .replaceWithVoid();
    }

    /** As {@link #attempt}, returning the new referral. */
    public Uni<Referral> attemptReferral(
            NeedRouting routing,
            UUID previous,
            String serviceId,
            String organizationId,
            String role,
            String cause,
            String changedBy) {
        return create(routing, previous, serviceId, organizationId, role, changedBy)
                .invoke(created -> {
                    Log.infof(
                            "Need %s: attempt %d (%s) goes to %s (%s), after %s",
                            routing.needId(), created.attempt(), cause, organizationId, serviceId, previous);
                    AfterCommit.run(() ->
                            meters.counter(REROUTED_METRIC, "cause", cause).increment());
                });
    }

    private Uni<Referral> create(
            NeedRouting routing,
            UUID previous,
            String serviceId,
            String organizationId,
            String role,
            String changedBy) {
        Instant now = ReferralWriter.now();
        int attempt = routing.attempts() + 1;
        // What the system chooses for a reviewed need is a proposal; a coordinator's assignment by hand is a decision.
        Referral referral = routing.review() && ActorRoles.SYSTEM.equals(role)
                ? Referral.draft(
                        routing.screeningId(),
                        routing.needId(),
                        routing.patientId(),
                        routing.category(),
                        routing.requesterOrganizationId(),
                        organizationId,
                        serviceId,
                        attempt,
                        previous,
                        now)
                : Referral.requested(
                        routing.screeningId(),
                        routing.needId(),
                        routing.patientId(),
                        routing.category(),
                        routing.requesterOrganizationId(),
                        organizationId,
                        serviceId,
                        attempt,
                        previous,
                        role,
                        now);
        referral.withDoNotContact(routing.doNotContact());
        return writer.create(referral, changedBy).invoke(created -> routing.routed(created.id(), attempt, now));
    }

    private Uni<Void> queue(NeedRouting routing, String reason, String detail) {
        routing.queued(reason, detail, ReferralWriter.now());
        Log.infof(
                "Need %s (%s) is in the coordinators' work queue after %d attempts: %s (%s)",
                routing.needId(), routing.category(), routing.attempts(), reason, detail);
        AfterCommit.run(() -> meters.counter(QUEUED_METRIC, "reason", reason).increment());
        return Uni.createFrom().voidItem();
    }

    /** Nothing may be shared about the person any more: the need is closed without a referral. */
    private void blocked(NeedRouting routing, ConsentScope scope) {
        String reason = scope.blockedReason();
        routing.closed(
                reason, "The person's consent does not permit sharing: no referral is made", ReferralWriter.now());
        Log.infof("Need %s (%s) closed without a referral: %s", routing.needId(), routing.category(), reason);
        AfterCommit.run(() -> meters.counter(BLOCKED_METRIC, "reason", reason).increment());
    }

    private Uni<Void> saveCandidates(UUID needId, int round, NeedsMatched.Match match) {
        List<RoutingCandidate> rows = new ArrayList<>();
        List<NeedsMatched.Candidate> offered = match.candidatesOrBest();
        for (int i = 0; i < offered.size(); i++) {
            rows.add(RoutingCandidate.of(needId, round, i + 1, offered.get(i)));
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : candidates.persist(rows);
    }

    /** The services of the candidates whose organization the person's consent does not cover. */
    private static <C> Set<String> uncovered(
            Collection<C> offered,
            ConsentScope scope,
            Function<C, String> serviceId,
            Function<C, String> organizationId) {
        Set<String> out = new TreeSet<>();
        for (C candidate : offered) {
            if (!scope.covers(organizationId.apply(candidate))) {
                out.add(serviceId.apply(candidate));
            }
        }
        return out;
    }

    /** A need routed before routing was recorded: its routing starts from the referral that just ended. */
    private static NeedRouting adopt(Referral ended) {
        NeedRouting routing = NeedRouting.of(
                ended.needId(),
                ended.screeningId(),
                ended.patientId(),
                ended.category(),
                ended.requesterOrganizationId(),
                ended.createdAt());
        routing.routed(ended.id(), ended.attempt(), ended.updatedAt());
        return routing;
    }

    /** The services and organizations a need was referred to already. */
    public Uni<Tried> tried(UUID needId) {
        return referrals.findByNeed(needId).map(all -> {
            Set<String> services = new LinkedHashSet<>();
            Set<String> organizations = new LinkedHashSet<>();
            for (Referral r : all) {
                if (r.serviceId() != null) {
                    services.add(r.serviceId());
                }
                if (r.ownerOrganizationId() != null) {
                    organizations.add(r.ownerOrganizationId());
                }
            }
            return new Tried(services, organizations);
        });
    }

    /** What was tried for a need. */
    public record Tried(Set<String> services, Set<String> organizations) {
        static final Tried NONE = new Tried(Set.of(), Set.of());
    }
}
