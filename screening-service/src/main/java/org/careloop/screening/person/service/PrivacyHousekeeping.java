package org.careloop.screening.person.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.careloop.screening.consent.service.ConsentService;
import org.careloop.screening.person.DetailsCipher;
import org.careloop.screening.person.Person;
import org.careloop.screening.person.PersonDetails;
import org.careloop.screening.person.config.PrivacyConfig;
import org.careloop.screening.person.repository.PersonRepository;
import org.careloop.screening.screening.Screening;

/**
 * Background work that keeps people's data as the privacy rules want it: consents whose period ended expire (and the
 * referral service hears of it), details encrypted with a previous key are encrypted again with the current one, and
 * screenings of versions before pseudonymisation get their person (the clinic's identifier moves into the encrypted
 * details, the screening keeps only the reference).
 */
@ApplicationScoped
public class PrivacyHousekeeping {

    private final ConsentService consents;
    private final PersonRepository people;
    private final PersonService persons;
    private final DetailsCipher cipher;
    private final PrivacyConfig config;

    public PrivacyHousekeeping(
            ConsentService consents,
            PersonRepository people,
            PersonService persons,
            DetailsCipher cipher,
            PrivacyConfig config) {
        this.consents = consents;
        this.people = people;
        this.persons = persons;
        this.cipher = cipher;
        this.config = config;
    }

    @Scheduled(
            identity = "careloop-consent-expiry",
            every = "${careloop.consent.expiry-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> expireConsents() {
        return consents.expireEnded(config.reEncryptBatch())
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d consent decisions expired", n);
                    }
                })
                .onFailure()
                .invoke(failure -> Log.warnf(failure, "Consent expiry failed; it runs again shortly"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(
            identity = "careloop-privacy-maintenance",
            every = "${careloop.privacy.re-encrypt-interval:1m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> maintain() {
        return pseudonymiseLegacy()
                .chain(this::reEncrypt)
                .onFailure()
                .invoke(failure -> Log.warnf(failure, "Privacy maintenance failed; it runs again later"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Re-encrypts one batch of people with the current key; returns how many. */
    public Uni<Integer> reEncrypt() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> people.encryptedWithOtherKey(
                                cipher.currentKeyId(), config.reEncryptBatch())
                        .invoke(batch -> batch.forEach(person -> persons.seal(person, persons.decrypt(person), now)))
                        .map(List::size))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d people re-encrypted with key %s", n, cipher.currentKeyId());
                    }
                });
    }

    /** Gives one batch of screenings of earlier versions their person; returns how many. */
    public Uni<Integer> pseudonymiseLegacy() {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createSelectionQuery(
                                        "from Screening where patientId is not null and personRef is null",
                                        Screening.class)
                                .setMaxResults(config.reEncryptBatch())
                                .getResultList())
                        .chain(legacy -> {
                            Uni<Void> chain = Uni.createFrom().voidItem();
                            for (Screening screening : legacy) {
                                chain = chain.chain(() -> pseudonymise(screening, now));
                            }
                            return chain.replaceWith(legacy.size());
                        }))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("%d screenings of an earlier version pseudonymised", n);
                    }
                });
    }

    private Uni<Void> pseudonymise(Screening screening, Instant now) {
        String ref = persons.refOf(screening.requesterOrganizationId, screening.patientId);
        return people.findById(ref).chain(found -> {
            Uni<Person> person;
            if (found == null) {
                Person created = new Person();
                created.personRef = ref;
                created.organizationId = screening.requesterOrganizationId;
                created.createdAt = now;
                persons.seal(created, PersonDetails.of(screening.patientId), now);
                person = people.persist(created);
            } else {
                person = Uni.createFrom().item(found);
            }
            return person.chain(p -> people.flush()).invoke(() -> {
                screening.personRef = ref;
                screening.patientId = null;
            });
        });
    }
}
