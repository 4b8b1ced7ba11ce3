package org.careloop.screening.screening.service;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.screening.screening.CompletedScreening;
import org.careloop.screening.screening.messaging.ScreeningEvents;
import org.careloop.screening.screening.repository.ConsentRepository;
import org.careloop.screening.screening.repository.ScreeningAnswerRepository;
import org.careloop.screening.screening.repository.ScreeningNeedRepository;
import org.careloop.screening.screening.repository.ScreeningRepository;

/** Stores a scored screening and its {@code screening-completed} event in one transaction. */
@ApplicationScoped
public class ScreeningWriter {

    private final ScreeningRepository screenings;
    private final ScreeningAnswerRepository answers;
    private final ScreeningNeedRepository needs;
    private final ConsentRepository consents;
    private final EventOutbox outbox;

    public ScreeningWriter(
            ScreeningRepository screenings,
            ScreeningAnswerRepository answers,
            ScreeningNeedRepository needs,
            ConsentRepository consents,
            EventOutbox outbox) {
        this.screenings = screenings;
        this.answers = answers;
        this.needs = needs;
        this.consents = consents;
        this.outbox = outbox;
    }

    /**
     * Writes every row of the screening and appends its event; all or nothing. The event is published even without
     * needs or consent: downstream services decide what to do with it.
     */
    @WithTransaction
    public Uni<CompletedScreening> record(CompletedScreening completed) {
        // The children have no mapped association, so the parent is flushed first to satisfy their foreign keys.
        return screenings
                .persistAndFlush(completed.screening())
                .chain(() -> persistAll(answers, completed.answers()))
                .chain(() -> persistAll(needs, completed.needs()))
                .chain(() -> consents.persist(completed.consent()))
                .chain(() -> outbox.append(
                        Topics.SCREENING_COMPLETED,
                        EventTypes.SCREENING_COMPLETED,
                        completed.id().toString(),
                        ScreeningEvents.completed(completed)))
                .replaceWith(completed);
    }

    /** Panache fails on an empty list ("The Uni set is empty"); a screening without needs is normal. */
    private static <T> Uni<Void> persistAll(PanacheRepositoryBase<T, UUID> repository, List<T> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(rows);
    }
}
