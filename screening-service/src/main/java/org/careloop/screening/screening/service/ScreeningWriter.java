package org.careloop.screening.screening.service;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.screening.audit.service.AuditLog;
import org.careloop.screening.consent.service.ConsentService;
import org.careloop.screening.person.service.PersonService;
import org.careloop.screening.screening.CompletedScreening;
import org.careloop.screening.screening.NewScreening;
import org.careloop.screening.screening.messaging.ScreeningEvents;
import org.careloop.screening.screening.repository.ConsentRepository;
import org.careloop.screening.screening.repository.ScreeningAnswerRepository;
import org.careloop.screening.screening.repository.ScreeningNeedRepository;
import org.careloop.screening.screening.repository.ScreeningRepository;

/**
 * Stores a scored screening, its person, its consent decision and their events ({@code screening-completed},
 * {@code consent-changed}) in one transaction.
 */
@ApplicationScoped
public class ScreeningWriter {

    private final ScreeningRepository screenings;
    private final ScreeningAnswerRepository answers;
    private final ScreeningNeedRepository needs;
    private final ConsentRepository consents;
    private final PersonService people;
    private final ConsentService decisions;
    private final EventOutbox outbox;

    public ScreeningWriter(
            ScreeningRepository screenings,
            ScreeningAnswerRepository answers,
            ScreeningNeedRepository needs,
            ConsentRepository consents,
            PersonService people,
            ConsentService decisions,
            EventOutbox outbox) {
        this.screenings = screenings;
        this.answers = answers;
        this.needs = needs;
        this.consents = consents;
        this.people = people;
        this.decisions = decisions;
        this.outbox = outbox;
    }

    /**
     * Writes every row of the screening and appends its events; all or nothing. The screening is published even
     * without needs or consent: downstream services decide what to do with it.
     */
    @WithTransaction
    public Uni<CompletedScreening> record(CompletedScreening completed, NewScreening submitted, AuditLog.Actor actor) {
        Instant now = completed.screening().completedAt;
        return people.record(
                        submitted.requesterOrganizationId(),
                        submitted.patientId(),
                        submitted.person(),
                        completed.sensitive(),
                        now)
                .chain(person -> {
                    completed.screening().personRef = person.person().personRef;
                    // The children have no mapped association, so the parent is flushed first for their foreign keys.
                    return screenings
                            .persistAndFlush(completed.screening())
                            .chain(() -> persistAll(answers, completed.answers()))
                            .chain(() -> persistAll(needs, completed.needs()))
                            .chain(() -> consents.persist(completed.consent()))
                            .chain(() -> decisions.recordIn(
                                    person.person(), submitted.consent(), completed.id(), actor, now))
                            .call(decision -> outbox.append(
                                    Topics.SCREENING_COMPLETED,
                                    EventTypes.SCREENING_COMPLETED,
                                    completed.id().toString(),
                                    ScreeningEvents.completed(completed, person, decision)))
                            .map(completed::withDecision);
                });
    }

    /** Panache fails on an empty list ("The Uni set is empty"); a screening without needs is normal. */
    private static <T> Uni<Void> persistAll(PanacheRepositoryBase<T, UUID> repository, List<T> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(rows);
    }
}
