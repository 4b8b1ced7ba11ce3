package org.careloop.referral.consent.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.StatusReasonCodes;
import org.careloop.contracts.screening.ConsentChanged;
import org.careloop.platform.inbox.AfterCommit;
import org.careloop.platform.inbox.PoisonMessageException;
import org.careloop.referral.consent.ConsentCoverage;
import org.careloop.referral.consent.ConsentDecision;
import org.careloop.referral.consent.repository.ConsentDecisionRepository;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.referral.lifecycle.repository.ReferralRepository;
import org.careloop.referral.lifecycle.service.ReferralWriter;
import org.careloop.referral.routing.repository.NeedRoutingRepository;
import org.careloop.referral.routing.service.RoutingService;

/**
 * Keeps the replica of consent decisions and enforces each change at once: every open referral of the person at that
 * clinic whose organization the governing decision no longer covers is cancelled ({@code consent-revoked} or
 * {@code consent-expired}, by the system) and its need closed for good; when the decision permits nothing any more,
 * the person's needs waiting for a match or a coordinator are closed too. Joins the consumer's transaction and holds
 * the person's lock, so no routing decision about the person runs beside it.
 */
@ApplicationScoped
public class ConsentService {

    /** Counter of consent-changed events, tagged {@code outcome}: applied, stale. */
    public static final String CHANGES_METRIC = "careloop.consent.changes";

    /** Counter of referrals cancelled because consent no longer covers their organization, tagged {@code reason}. */
    public static final String CANCELLED_METRIC = "careloop.referrals.consent.cancelled";

    private final ConsentDecisionRepository decisions;
    private final ReferralRepository referrals;
    private final NeedRoutingRepository routings;
    private final ReferralWriter writer;
    private final RoutingService routing;
    private final MeterRegistry meters;

    public ConsentService(
            ConsentDecisionRepository decisions,
            ReferralRepository referrals,
            NeedRoutingRepository routings,
            ReferralWriter writer,
            RoutingService routing,
            MeterRegistry meters) {
        this.decisions = decisions;
        this.referrals = referrals;
        this.routings = routings;
        this.writer = writer;
        this.routing = routing;
        this.meters = meters;
    }

    /**
     * Applies one {@code consent-changed}: an older or equal version of a known decision changes nothing; otherwise
     * the decision is stored and the person's governing decision enforced.
     *
     * @param changedBy the event's source, for the history of cancelled referrals
     */
    public Uni<Void> apply(ConsentChanged event, String changedBy) {
        Instant now = ReferralWriter.now();
        String person = event.personRef();
        String clinic = event.requesterOrganizationId();
        if (event.version() < 1 || person.length() > 128) {
            throw new PoisonMessageException("Consent " + event.consentId()
                    + ": version must be at least 1 and the person reference at most 128 characters");
        }
        return decisions
                .lockPerson(person, clinic)
                .chain(() -> decisions.findById(event.consentId()))
                .chain(known -> {
                    if (known != null && !known.sameSubject(event)) {
                        throw new PoisonMessageException("Consent " + event.consentId()
                                + " is known for another person or clinic; a decision never changes subject");
                    }
                    if (known != null && !known.apply(event, now)) {
                        Log.infof(
                                "Consent %s version %d ignored: version %d is known",
                                event.consentId(), event.version(), known.version());
                        count("stale");
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Void> saved = known == null
                            ? decisions.persist(ConsentDecision.of(event, now)).replaceWithVoid()
                            : Uni.createFrom().voidItem();
                    Log.infof(
                            "Consent %s of a person at %s is %s (version %d, %s)",
                            event.consentId(),
                            clinic,
                            event.status(),
                            event.version(),
                            event.recipients() == null ? "all organizations" : event.recipients() + "");
                    count("applied");
                    return saved.chain(decisions::flush)
                            .chain(() -> decisions.current(person, clinic))
                            .chain(current -> enforce(person, clinic, current, now, changedBy));
                });
    }

    /**
     * Ends what an active decision allowed once its period is over, when no {@code consent-changed} said so (yet): the
     * person's open referrals are cancelled ({@code consent-expired}) as for an expiry. Runs in the caller's
     * transaction, under the person's lock; a decision already enforced, changed meanwhile or not due changes nothing.
     *
     * @return whether the end was enforced now
     */
    public Uni<Boolean> enforceEnd(UUID consentId, String changedBy) {
        return decisions.findById(consentId).chain(found -> {
            if (found == null) {
                return Uni.createFrom().item(false);
            }
            String person = found.personRef();
            String clinic = found.requesterOrganizationId();
            // Loaded before the lock only to know whose lock to take; read again under it.
            return decisions
                    .lockPerson(person, clinic)
                    .chain(() -> decisions.getSession().chain(s -> s.refresh(found)))
                    .chain(() -> {
                        Instant now = ReferralWriter.now();
                        if (!found.endDue(now)) {
                            return Uni.createFrom().item(false);
                        }
                        found.endEnforced(now);
                        Log.infof("Consent %s of a person at %s ended on %s", consentId, clinic, found.validUntil());
                        return decisions
                                .current(person, clinic)
                                .chain(current -> enforce(person, clinic, current, now, changedBy))
                                .replaceWith(true);
                    });
        });
    }

    private Uni<Void> enforce(
            String person, String clinic, Optional<ConsentDecision> found, Instant now, String changedBy) {
        if (found.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ConsentDecision current = found.get();
        String reason = ConsentCoverage.endReason(current);
        return referrals
                .findOpenOfPerson(person, clinic)
                .chain(open -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Referral referral : open) {
                        if (!ConsentCoverage.covers(current, referral.ownerOrganizationId(), now)) {
                            chain = chain.chain(() -> cancel(referral, reason, changedBy));
                        }
                    }
                    return chain;
                })
                .chain(() -> ConsentCoverage.permits(current, now)
                        ? Uni.createFrom().voidItem()
                        : closeWaiting(person, clinic, reason));
    }

    private Uni<Void> cancel(Referral referral, String reason, String changedBy) {
        ReferralStatus from = referral.status();
        referral.changeStatus(
                ReferralStatus.CANCELLED,
                StatusReasonCodes.DISPLAY.get(reason),
                reason,
                null,
                ActorRoles.SYSTEM,
                ReferralWriter.now());
        AfterCommit.run(() -> meters.counter(CANCELLED_METRIC, "reason", reason).increment());
        return writer.recordChange(referral, from, changedBy)
                .chain(changed -> routing.onReferralEnded(changed, changedBy));
    }

    /** Needs of the person that wait for a match or a coordinator: nothing may be shared, so they end here. */
    private Uni<Void> closeWaiting(String person, String clinic, String reason) {
        return routings.lockWaitingOfPerson(person, clinic)
                .invoke(waiting -> waiting.forEach(need -> {
                    Log.infof("Need %s closed (was %s): %s", need.needId(), need.state(), reason);
                    need.closed(reason, StatusReasonCodes.DISPLAY.get(reason), ReferralWriter.now());
                }))
                .replaceWithVoid();
    }

    private void count(String outcome) {
        AfterCommit.run(() -> meters.counter(CHANGES_METRIC, "outcome", outcome).increment());
    }
}
