package org.careloop.referral.lifecycle.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.platform.problem.ProblemException;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.lifecycle.ReferralStatusChange;
import org.careloop.referral.lifecycle.repository.ReferralRepository;
import org.careloop.referral.lifecycle.repository.ReferralStatusChangeRepository;
import org.careloop.referral.partner.service.PartnerStream;
import org.hibernate.StaleStateException;

/**
 * Writes referrals: every creation and every change writes the referral, its history row, its
 * {@code referral-updated} event and its copies for the organizations' integrators ({@code partner-update}) in the
 * caller's transaction. Checks nothing: callers decide what may change.
 *
 * <p>Events carry no free text: the reason typed by a person stays in the database and the API. A draft is the
 * clinic's proposal: until it is sent, its events name no organization and no service, so the directory neither takes
 * nor moves a place for it and the organization it names hears nothing.
 */
@ApplicationScoped
public class ReferralWriter {

    /** Counter of referrals created and committed (first attempts and re-routes), tagged {@code category}. */
    public static final String CREATED_METRIC = "careloop.referrals.created";

    private final ReferralRepository referrals;
    private final ReferralStatusChangeRepository history;
    private final EventOutbox outbox;
    private final PartnerStream partners;
    private final MeterRegistry meters;

    public ReferralWriter(
            ReferralRepository referrals,
            ReferralStatusChangeRepository history,
            EventOutbox outbox,
            PartnerStream partners,
            MeterRegistry meters) {
        this.referrals = referrals;
        this.history = history;
        this.outbox = outbox;
        this.partners = partners;
        this.meters = meters;
    }

    /** Persists a new referral (version 1) with its history row and event. */
    public Uni<Referral> create(Referral referral, String changedBy) {
        return referrals
                .persist(referral)
                .chain(() -> history.persist(new ReferralStatusChange(
                        referral.id(),
                        referral.version(),
                        null,
                        referral.status(),
                        null,
                        null,
                        changedBy,
                        referral.changedByRole(),
                        referral.updatedAt())))
                .chain(() -> publish(referral, null))
                .invoke(() -> {
                    Log.infof(
                            "Referral %s created: attempt %d at need %s of screening %s, assigned to %s (%s)",
                            referral.id(),
                            referral.attempt(),
                            referral.needId(),
                            referral.screeningId(),
                            referral.ownerOrganizationId(),
                            referral.serviceId());
                    String category = referral.category();
                    AfterCommit.run(() ->
                            meters.counter(CREATED_METRIC, "category", category).increment());
                })
                .replaceWith(referral);
    }

    /**
     * Records a status change already made on the entity: flushes it at once (so that a concurrent change that
     * committed first makes it fail with 409 before anything else is written), then writes the history row and the
     * event.
     */
    public Uni<Referral> recordChange(Referral referral, ReferralStatus from, String changedBy) {
        UUID id = referral.id();
        return referrals
                .flush()
                .onFailure(ReferralWriter::isConcurrentChange)
                .transform(f -> concurrentChange(id))
                .chain(() -> history.persist(new ReferralStatusChange(
                        id,
                        referral.version(),
                        from,
                        referral.status(),
                        referral.statusReason(),
                        referral.statusReasonCode(),
                        changedBy,
                        referral.changedByRole(),
                        referral.updatedAt())))
                .chain(() -> publish(referral, from))
                .invoke(() -> Log.infof(
                        "Referral %s: %s -> %s (version %d, %s) by %s (%s)",
                        id,
                        from,
                        referral.status(),
                        referral.version(),
                        referral.statusReasonCode() == null ? "no reason code" : referral.statusReasonCode(),
                        changedBy,
                        referral.changedByRole()))
                .replaceWith(referral);
    }

    private Uni<Void> publish(Referral referral, ReferralStatus previous) {
        return outbox.append(
                        Topics.REFERRAL_UPDATED,
                        EventTypes.REFERRAL_UPDATED,
                        referral.id().toString(),
                        updated(referral, previous))
                .chain(() -> partners.publish(referral, previous));
    }

    /** The {@code referral-updated} data of a referral after a change: ids and codes, never the free-text reason. */
    static ReferralUpdated updated(Referral referral, ReferralStatus previous) {
        boolean sent = referral.disclosed();
        return new ReferralUpdated(
                referral.id(),
                referral.version(),
                referral.status().code(),
                previous == null ? null : previous.code(),
                // Deprecated on the wire: always null. The text is read through the API, by those who may.
                null,
                referral.screeningId(),
                referral.needId(),
                referral.patientId(),
                referral.category(),
                referral.requesterOrganizationId(),
                sent ? referral.ownerOrganizationId() : null,
                sent ? referral.serviceId() : null,
                referral.updatedAt(),
                referral.attempt(),
                referral.previousReferralId(),
                referral.statusReasonCode(),
                referral.outcome(),
                referral.changedByRole(),
                referral.requestedAt());
    }

    static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    static ProblemException concurrentChange(UUID id) {
        return ProblemException.conflict(
                "concurrent-update", "Referral " + id + " was changed concurrently; read it again and retry");
    }

    /** The database keeps microseconds: truncating here keeps the API, the events and the rows identical. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
