package org.careloop.screening.screening.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.screening.audit.service.AuditLog;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.consent.repository.ConsentDecisionRepository;
import org.careloop.screening.person.repository.PersonRepository;
import org.careloop.screening.person.service.PersonService;
import org.careloop.screening.scoring.AnswerValidator;
import org.careloop.screening.scoring.Finding;
import org.careloop.screening.scoring.Instrument;
import org.careloop.screening.scoring.InstrumentCatalog;
import org.careloop.screening.scoring.Responses;
import org.careloop.screening.scoring.Violation;
import org.careloop.screening.screening.CompletedScreening;
import org.careloop.screening.screening.Consent;
import org.careloop.screening.screening.NewScreening;
import org.careloop.screening.screening.Screening;
import org.careloop.screening.screening.ScreeningAnswer;
import org.careloop.screening.screening.ScreeningNeed;
import org.careloop.screening.screening.ScreeningQuery;
import org.careloop.screening.screening.repository.ConsentRepository;
import org.careloop.screening.screening.repository.ScreeningAnswerRepository;
import org.careloop.screening.screening.repository.ScreeningNeedRepository;
import org.careloop.screening.screening.repository.ScreeningRepository;

/** Takes screenings: validates them against their instrument, scores them, records them and lets callers read them. */
@ApplicationScoped
public class ScreeningService {

    private final InstrumentCatalog instruments;
    private final ScreeningWriter writer;
    private final ScreeningMetrics metrics;
    private final ScreeningRepository screenings;
    private final ScreeningAnswerRepository answers;
    private final ScreeningNeedRepository needs;
    private final ConsentRepository consents;
    private final ConsentDecisionRepository decisions;
    private final PersonRepository peopleRows;
    private final PersonService people;
    private final Caller caller;

    public ScreeningService(
            InstrumentCatalog instruments,
            ScreeningWriter writer,
            ScreeningMetrics metrics,
            ScreeningRepository screenings,
            ScreeningAnswerRepository answers,
            ScreeningNeedRepository needs,
            ConsentRepository consents,
            ConsentDecisionRepository decisions,
            PersonRepository peopleRows,
            PersonService people,
            Caller caller) {
        this.instruments = instruments;
        this.writer = writer;
        this.metrics = metrics;
        this.screenings = screenings;
        this.answers = answers;
        this.needs = needs;
        this.consents = consents;
        this.decisions = decisions;
        this.peopleRows = peopleRows;
        this.people = people;
        this.caller = caller;
    }

    /**
     * Validates, scores and records a screening. Invalid answers fail with a 400 problem before anything is written.
     */
    public Uni<CompletedScreening> complete(NewScreening submitted) {
        AuditLog.Actor actor = AuditLog.Actor.of(caller);
        return Uni.createFrom()
                .item(() -> score(submitted))
                .chain(completed -> writer.record(completed, submitted, actor))
                .invoke(completed -> {
                    metrics.completed(completed);
                    Log.infof(
                            "Screening %s (%s %s) recorded for organization %s with %d needs",
                            completed.id(),
                            completed.screening().instrument,
                            completed.screening().instrumentVersion,
                            completed.screening().requesterOrganizationId,
                            completed.needs().size());
                });
    }

    /** A screening the caller may see; 404 otherwise, so other organizations' ids are not revealed. */
    @WithSession
    public Uni<CompletedScreening> find(UUID id) {
        ScreeningQuery query = new ScreeningQuery(Optional.empty(), visibleOrganization());
        return screenings
                .findVisible(id, query)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Screening", id))
                .chain(screening -> assemble(List.of(screening)))
                .map(List::getFirst);
    }

    /**
     * The screenings the caller may see, newest first, optionally of one person: by the clinic's own identifier (for
     * a clinic's caller only: the reference is derived from its organization) or by the person reference.
     */
    @WithSession
    public Uni<Page<CompletedScreening>> list(
            Optional<String> patientId, Optional<String> personRef, PageRequest page) {
        Optional<String> person = personRef;
        if (patientId.isPresent()) {
            if (!caller.hasRole(Roles.CLINIC) || caller.organizationId().isEmpty()) {
                throw ProblemException.badRequest(
                        "patientId", "only a clinic filters by its own identifier; filter by personRef instead");
            }
            String ref = people.refOf(caller.organizationId().get(), patientId.get());
            if (person.isPresent() && !person.get().equals(ref)) {
                throw ProblemException.badRequest("personRef", "names another person than patientId");
            }
            person = Optional.of(ref);
        }
        ScreeningQuery query = new ScreeningQuery(person, visibleOrganization());
        return screenings.count(query).chain(total -> screenings
                .list(query, page.page, page.size)
                .chain(this::assemble)
                .map(items -> Page.of(items, page, total)));
    }

    private CompletedScreening score(NewScreening submitted) {
        Instrument instrument = instruments
                .find(submitted.instrument())
                .orElseThrow(() -> ProblemException.badRequest(
                        "instrument",
                        "unknown instrument '" + submitted.instrument() + "'; known: " + instruments.codes()));
        List<Violation> violations = AnswerValidator.validate(instrument, submitted.answers());
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        PersonService.validate(submitted.person(), "person.");
        List<Finding> findings = instrument.score(Responses.of(submitted.answers()));
        // Truncated to what PostgreSQL stores, so the created view equals what a later read returns.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return CompletedScreening.of(submitted, instrument, findings, now);
    }

    /** Clinics see their own organization's screenings; coordinators see all. */
    private Optional<String> visibleOrganization() {
        if (caller.hasRole(Roles.COORDINATOR)) {
            return Optional.empty();
        }
        return Optional.of(caller.requireOrganizationId());
    }

    private Uni<List<CompletedScreening>> assemble(List<Screening> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = page.stream().map(s -> s.id).toList();
        return answers.findByScreenings(ids)
                .chain(pageAnswers -> needs.findByScreenings(ids).chain(pageNeeds -> consents.findByScreenings(ids)
                        .chain(pageConsents -> decisions.ofScreenings(ids).chain(pageDecisions -> patientIds(page)
                                .map(patientIds -> {
                                    Map<UUID, List<ScreeningAnswer>> answersById =
                                            pageAnswers.stream().collect(Collectors.groupingBy(a -> a.screeningId));
                                    Map<UUID, List<ScreeningNeed>> needsById =
                                            pageNeeds.stream().collect(Collectors.groupingBy(n -> n.screeningId));
                                    Map<UUID, Consent> consentById = pageConsents.stream()
                                            .collect(Collectors.toMap(c -> c.screeningId, Function.identity()));
                                    Map<UUID, ConsentDecision> decisionById = pageDecisions.stream()
                                            .collect(Collectors.toMap(d -> d.screeningId, Function.identity()));
                                    return page.stream()
                                            .map(s -> new CompletedScreening(
                                                    s,
                                                    answersById.getOrDefault(s.id, List.of()),
                                                    needsById.getOrDefault(s.id, List.of()),
                                                    consentById.get(s.id),
                                                    decisionById.get(s.id),
                                                    s.personRef == null ? null : patientIds.get(s.personRef)))
                                            .toList();
                                })))));
    }

    /**
     * The clinic's own identifiers of the people of these screenings, for the clinic's own caller only: nobody else
     * learns them (coordinators see the person reference).
     */
    private Uni<Map<String, String>> patientIds(List<Screening> page) {
        Optional<String> organization = caller.hasRole(Roles.CLINIC) ? caller.organizationId() : Optional.empty();
        if (organization.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> refs = page.stream()
                .filter(s -> s.personRef != null && organization.get().equals(s.requesterOrganizationId))
                .map(s -> s.personRef)
                .distinct()
                .toList();
        if (refs.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return peopleRows.list("personRef in ?1", refs).map(rows -> rows.stream()
                .collect(Collectors.toMap(
                        p -> p.personRef, p -> people.decrypt(p).patientId())));
    }

    private static ProblemException invalid(List<Violation> violations) {
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.field(), v.message()))
                .toList();
        String detail = errors.getFirst().field() + ": " + errors.getFirst().message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }
}
