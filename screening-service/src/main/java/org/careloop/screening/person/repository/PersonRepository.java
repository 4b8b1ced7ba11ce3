package org.careloop.screening.person.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.careloop.screening.person.Person;

/** Queries over people. */
@ApplicationScoped
@WithSession
public class PersonRepository implements PanacheRepositoryBase<Person, String> {

    /** The person with their row locked until the transaction ends; null when unknown. */
    public Uni<Person> lock(String personRef) {
        return findById(personRef, LockModeType.PESSIMISTIC_WRITE);
    }

    /** People whose details were encrypted with another key than {@code keyId}, a batch at a time. */
    public Uni<List<Person>> encryptedWithOtherKey(String keyId, int batch) {
        return find("keyId <> ?1", keyId).page(0, batch).list();
    }
}
