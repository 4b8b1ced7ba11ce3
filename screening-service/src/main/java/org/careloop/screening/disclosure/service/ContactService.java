package org.careloop.screening.disclosure.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.screening.audit.AuditActions;
import org.careloop.screening.audit.service.AuditLog;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.consent.repository.ConsentDecisionRepository;
import org.careloop.screening.disclosure.DisclosurePolicy;
import org.careloop.screening.disclosure.ReferralAccess;
import org.careloop.screening.disclosure.repository.ReferralAccessRepository;
import org.careloop.screening.person.Person;
import org.careloop.screening.person.PersonDetails;
import org.careloop.screening.person.repository.PersonRepository;
import org.careloop.screening.person.service.PersonService;

/**
 * Discloses a referred person's contact details to the organization the referral is assigned to, and keeps the
 * replica of referral assignments that decides it. Every request is audited, allowed or denied.
 */
@ApplicationScoped
public class ContactService {

    private final ReferralAccessRepository referrals;
    private final PersonRepository people;
    private final ConsentDecisionRepository consents;
    private final PersonService persons;
    private final AuditLog audit;
    private final Caller caller;

    public ContactService(
            ReferralAccessRepository referrals,
            PersonRepository people,
            ConsentDecisionRepository consents,
            PersonService persons,
            AuditLog audit,
            Caller caller) {
        this.referrals = referrals;
        this.people = people;
        this.consents = consents;
        this.persons = persons;
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * The outcome of a request.
     *
     * @param decision allowed or why not
     * @param personRef the person the referral concerns, null when the referral is unknown
     * @param details the details, when allowed
     * @param preferredLanguage the person's language, when allowed
     */
    public record Disclosure(
            DisclosurePolicy.Decision decision, String personRef, PersonDetails details, String preferredLanguage) {}

    /** Decides, audits and (when allowed) decrypts; the audit row commits whatever the answer. */
    @WithTransaction
    public Uni<Disclosure> contact(UUID referralId, String purpose) {
        Instant now = Instant.now();
        AuditLog.Actor actor = AuditLog.Actor.of(caller);
        String organization =
                caller.hasRole(Roles.CBO_STAFF) ? caller.organizationId().orElse(null) : null;
        return referrals
                .findById(referralId)
                .chain(referral -> subject(referral).map(found -> {
                    DisclosurePolicy.Decision decision =
                            DisclosurePolicy.decide(referral, organization, found.person(), found.consent(), now);
                    return decision.allowed()
                            ? new Disclosure(
                                    decision,
                                    found.personRef(),
                                    persons.decrypt(found.person()),
                                    found.person().preferredLanguage)
                            : new Disclosure(decision, found.personRef(), null, null);
                }))
                .call(result -> audit.record(
                        actor,
                        AuditActions.READ_CONTACT,
                        result.personRef(),
                        referralId,
                        purpose,
                        result.decision().allowed(),
                        result.decision().reason(),
                        now));
    }

    /** The person a referral concerns and their consent in force; both null when the referral is unknown. */
    private Uni<Subject> subject(ReferralAccess referral) {
        if (referral == null) {
            return Uni.createFrom().item(new Subject(null, null, null));
        }
        return people.findById(referral.personRef).chain(person -> consents.latest(referral.personRef)
                .map(consent -> new Subject(referral.personRef, person, consent)));
    }

    private record Subject(String personRef, Person person, ConsentDecision consent) {}

    /** Applies a {@code referral-updated}: the newest version of each referral wins. */
    public Uni<Void> apply(ReferralUpdated event) {
        return referrals.findById(event.referralId()).chain(found -> {
            if (found != null && found.referralVersion >= event.version()) {
                return Uni.createFrom().voidItem();
            }
            ReferralAccess access = found == null ? new ReferralAccess() : found;
            access.referralId = event.referralId();
            access.personRef = event.patientId();
            access.screeningId = event.screeningId();
            access.requesterOrganizationId = event.requesterOrganizationId();
            access.ownerOrganizationId = event.ownerOrganizationId();
            access.status = event.status();
            access.referralVersion = event.version();
            access.updatedAt = event.updatedAt();
            Log.debugf(
                    "Referral %s v%d: %s at %s",
                    event.referralId(), event.version(), event.status(), event.ownerOrganizationId());
            return found == null
                    ? referrals.persist(access).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }
}
