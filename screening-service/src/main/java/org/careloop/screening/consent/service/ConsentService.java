package org.careloop.screening.consent.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.contracts.codes.ConsentStatusCodes;
import org.careloop.contracts.screening.ConsentChanged;
import org.careloop.platform.outbox.EventOutbox;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.screening.audit.AuditActions;
import org.careloop.screening.audit.service.AuditLog;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.consent.repository.ConsentDecisionRepository;
import org.careloop.screening.person.Person;
import org.careloop.screening.person.repository.PersonRepository;

/**
 * Consent decisions: recorded with a screening or on their own, revoked by the clinic on the person's behalf, expired
 * when their period ends. Each change is audited and published as {@code consent-changed} in its transaction, so the
 * referral service cancels what the decision no longer covers.
 */
@ApplicationScoped
public class ConsentService {

    private final ConsentDecisionRepository consents;
    private final PersonRepository people;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Caller caller;

    public ConsentService(
            ConsentDecisionRepository consents,
            PersonRepository people,
            EventOutbox outbox,
            AuditLog audit,
            Caller caller) {
        this.consents = consents;
        this.people = people;
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * What a clinic records.
     *
     * @param permit whether the needs may be shared
     * @param recipients the organizations they may be shared with; null for all community organizations
     * @param validUntil when the permission ends; null when it does not
     */
    public record Terms(boolean permit, List<String> recipients, Instant validUntil) {}

    /** Records a decision in the caller's transaction (a screening's, or {@link #record}'s), audited and published. */
    public Uni<ConsentDecision> recordIn(
            Person person, Terms terms, UUID screeningId, AuditLog.Actor actor, Instant now) {
        ConsentDecision decision = ConsentDecision.record(
                person.personRef,
                person.organizationId,
                terms.permit(),
                terms.recipients(),
                terms.validUntil(),
                screeningId,
                actor.name(),
                now);
        return consents.persist(decision)
                .chain(() -> publish(decision, 1))
                .chain(() -> audit.record(
                        actor,
                        AuditActions.RECORD_CONSENT,
                        person.personRef,
                        null,
                        null,
                        true,
                        decision.decision + (decision.recipients == null ? " all" : " " + decision.recipients),
                        now))
                .replaceWith(decision);
    }

    /** Records a decision for the clinic's own patient; 404 naming {@code personRef} for anyone else's. */
    @WithTransaction
    public Uni<ConsentDecision> record(String personRef, Terms terms) {
        Instant now = Instant.now();
        return ownPatient(personRef).chain(person -> recordIn(person, terms, null, AuditLog.Actor.of(caller), now));
    }

    /** A person's decisions, newest first; only their clinic reads them (null for anyone else). Audited. */
    @WithTransaction
    public Uni<Page<ConsentDecision>> list(String personRef, PageRequest page) {
        return people.findById(personRef).chain(person -> {
            boolean own = isOwnPatient(person);
            return audit.record(
                            AuditLog.Actor.of(caller),
                            AuditActions.READ_CONSENTS,
                            personRef,
                            null,
                            null,
                            own,
                            own ? null : "not the person's clinic, or unknown person",
                            Instant.now())
                    .chain(() -> own
                            ? consents.ofPerson(personRef, page)
                            : Uni.createFrom().nullItem());
        });
    }

    /** The decision in force for a person (their latest), null when none. */
    @WithSession
    public Uni<ConsentDecision> current(String personRef) {
        return consents.latest(personRef);
    }

    /**
     * Revokes an active decision of the clinic's own patient: the permission ends now and no further disclosure is
     * made; what was already disclosed stays disclosed (SDOHCC). 404 for another clinic's, 409 naming
     * {@code consentId} when the decision is not active.
     */
    @WithTransaction
    public Uni<ConsentDecision> revoke(UUID consentId, String note) {
        Instant now = Instant.now();
        AuditLog.Actor actor = AuditLog.Actor.of(caller);
        return consents.findById(consentId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .chain(decision -> {
                    if (decision == null
                            || !caller.hasRole(Roles.CLINIC)
                            || !decision.organizationId.equals(
                                    caller.organizationId().orElse(null))) {
                        throw ProblemException.notFound("consentId", "Consent", consentId);
                    }
                    if (!ConsentStatusCodes.ACTIVE.equals(decision.status)) {
                        throw ProblemException.conflict(
                                "consent-not-active",
                                "consentId",
                                "Consent " + consentId + " is " + decision.status + ", not active");
                    }
                    decision.revoke(actor.name(), note, now);
                    Log.infof("Consent %s of %s revoked by %s", consentId, decision.personRef, actor.name());
                    return publish(decision, 2)
                            .chain(() -> audit.record(
                                    actor,
                                    AuditActions.REVOKE_CONSENT,
                                    decision.personRef,
                                    null,
                                    null,
                                    true,
                                    note,
                                    now))
                            .replaceWith(decision);
                });
    }

    /** Expires the active decisions whose period ended, a batch at a time; returns how many. */
    @WithTransaction
    public Uni<Integer> expireEnded(int batch) {
        Instant now = Instant.now();
        return consents.endedBefore(now, batch).chain(ended -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ConsentDecision decision : ended) {
                decision.expire(now);
                chain = chain.chain(() -> publish(decision, 2))
                        .chain(() -> audit.record(
                                AuditLog.Actor.system(),
                                AuditActions.EXPIRE_CONSENT,
                                decision.personRef,
                                null,
                                null,
                                true,
                                "valid until " + decision.validUntil,
                                now));
            }
            return chain.replaceWith(ended.size());
        });
    }

    private Uni<Person> ownPatient(String personRef) {
        return people.findById(personRef).map(person -> {
            if (!isOwnPatient(person)) {
                throw ProblemException.notFound("personRef", "Person", personRef);
            }
            return person;
        });
    }

    private boolean isOwnPatient(Person person) {
        return person != null
                && caller.hasRole(Roles.CLINIC)
                && person.organizationId.equals(caller.organizationId().orElse(null));
    }

    /** Publishes the decision's state; version 1 when recorded, 2 when it ended (a decision ends once). */
    private Uni<Void> publish(ConsentDecision decision, long version) {
        ConsentChanged event = new ConsentChanged(
                decision.id,
                decision.personRef,
                decision.organizationId,
                decision.status,
                decision.recipients == null ? null : List.copyOf(decision.recipients),
                decision.validUntil,
                decision.statusChangedAt,
                version);
        return outbox.append(Topics.CONSENT_CHANGED, EventTypes.CONSENT_CHANGED, decision.personRef, event)
                .replaceWithVoid();
    }
}
