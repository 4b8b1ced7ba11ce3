package org.careloop.screening.person.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.screening.audit.AuditActions;
import org.careloop.screening.audit.service.AuditLog;
import org.careloop.screening.person.DetailsCipher;
import org.careloop.screening.person.Person;
import org.careloop.screening.person.PersonDetails;
import org.careloop.screening.person.PersonRefs;
import org.careloop.screening.person.repository.PersonRepository;
import org.careloop.screening.person.rest.PersonRequest;

/**
 * The people behind screenings: stored once per clinic under their pseudonymous reference, details encrypted. Only the
 * clinic a person belongs to reads or changes them here; every read and change is audited.
 */
@ApplicationScoped
public class PersonService {

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private final PersonRepository people;
    private final PersonRefs refs;
    private final DetailsCipher cipher;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Caller caller;

    public PersonService(
            PersonRepository people,
            PersonRefs refs,
            DetailsCipher cipher,
            ObjectMapper json,
            AuditLog audit,
            Caller caller) {
        this.people = people;
        this.refs = refs;
        this.cipher = cipher;
        this.json = json;
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * A person and their details, decrypted.
     *
     * @param person the row
     * @param details what it holds
     */
    public record Known(Person person, PersonDetails details) {}

    /** The reference of a clinic's patient. */
    public String refOf(String organizationId, String patientId) {
        return refs.of(organizationId, patientId);
    }

    /** Checks what bean validation cannot: a birth date after 1900. {@code prefix} is the JSON path before it. */
    public static void validate(PersonRequest request, String prefix) {
        if (request != null
                && request.birthDate() != null
                && request.birthDate().isBefore(EARLIEST_BIRTH_DATE)) {
            throw ProblemException.badRequest(prefix + "birthDate", "must not be before " + EARLIEST_BIRTH_DATE);
        }
    }

    /**
     * Records the person of a screening in the caller's transaction: created on first sight, else their stored details
     * merged with what the clinic sent now. A sensitive (interpersonal-safety) need turns do-not-contact on, whatever
     * the screening says: only the clinic turns it off again, on its own.
     */
    public Uni<Known> record(
            String organizationId, String patientId, PersonRequest request, boolean sensitive, Instant now) {
        String ref = refOf(organizationId, patientId);
        PersonDetails sent = request == null ? PersonDetails.of(patientId) : request.toDetails(patientId);
        return people.lock(ref).chain(found -> {
            Person person = found;
            PersonDetails details;
            if (person == null) {
                person = new Person();
                person.personRef = ref;
                person.organizationId = organizationId;
                person.createdAt = now;
                details = sent;
            } else {
                details = decrypt(person).merge(sent);
            }
            if (request != null && request.doNotContact() != null) {
                person.doNotContact = request.doNotContact();
            }
            if (sensitive) {
                person.doNotContact = true;
            }
            if (request != null && request.preferredLanguage() != null) {
                person.preferredLanguage = request.preferredLanguage();
            }
            seal(person, details, now);
            Known known = new Known(person, details);
            return (found == null ? people.persist(person) : Uni.createFrom().item(person)).replaceWith(known);
        });
    }

    /** The details of the clinic's own patient; anyone else gets a 404, as for an unknown person. Audited. */
    @WithTransaction
    public Uni<Known> read(String personRef, String purpose) {
        AuditLog.Actor actor = AuditLog.Actor.of(caller);
        Instant now = Instant.now();
        return people.findById(personRef).chain(person -> {
            String denied = ownPatient(person);
            return audit.record(actor, AuditActions.READ_PERSON, personRef, null, purpose, denied == null, denied, now)
                    .replaceWith(() -> denied == null ? new Known(person, decrypt(person)) : null);
        });
    }

    /** Changes the clinic's own patient's details or do-not-contact flag; 404 for anyone else. Audited. */
    @WithTransaction
    public Uni<Known> update(String personRef, PersonRequest request) {
        validate(request, "");
        AuditLog.Actor actor = AuditLog.Actor.of(caller);
        Instant now = Instant.now();
        return people.lock(personRef).chain(person -> {
            String denied = ownPatient(person);
            if (denied != null) {
                return audit.record(actor, AuditActions.UPDATE_PERSON, personRef, null, null, false, denied, now)
                        .replaceWith((Known) null);
            }
            PersonDetails details = decrypt(person).merge(request.toDetails(null));
            if (request.doNotContact() != null) {
                person.doNotContact = request.doNotContact();
            }
            if (request.preferredLanguage() != null) {
                person.preferredLanguage = request.preferredLanguage();
            }
            seal(person, details, now);
            String note = request.doNotContact() == null ? null : "do-not-contact " + request.doNotContact();
            return audit.record(actor, AuditActions.UPDATE_PERSON, personRef, null, null, true, note, now)
                    .replaceWith(new Known(person, details));
        });
    }

    /** Why the caller may not read or change this person here; null when they may. */
    private String ownPatient(Person person) {
        if (person == null) {
            return "unknown person";
        }
        if (!caller.hasRole(Roles.CLINIC)) {
            return "only the person's clinic reads their details";
        }
        if (!person.organizationId.equals(caller.organizationId().orElse(null))) {
            return "the person belongs to another clinic";
        }
        return null;
    }

    /** The stored details of a person, decrypted. */
    public PersonDetails decrypt(Person person) {
        try {
            return json.readValue(cipher.decrypt(person.details, person.personRef), PersonDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored details of " + person.personRef + " are not readable", e);
        }
    }

    /** Encrypts {@code details} into the row with the current key. */
    public void seal(Person person, PersonDetails details, Instant now) {
        try {
            person.details = cipher.encrypt(json.writeValueAsString(details), person.personRef);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Details of " + person.personRef + " cannot be written", e);
        }
        person.keyId = cipher.currentKeyId();
        person.updatedAt = now;
    }
}
