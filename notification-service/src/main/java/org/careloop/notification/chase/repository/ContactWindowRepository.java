package org.careloop.notification.chase.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.careloop.notification.chase.ContactWindow;

/** Queries over needs' contact windows. */
@ApplicationScoped
@WithSession
public class ContactWindowRepository implements PanacheRepositoryBase<ContactWindow, UUID> {

    /**
     * The window of a need, created empty if absent, locked until the transaction ends. Attempts of one need arrive on
     * different partitions (keyed by referral): creating first, then locking, serializes them without a key clash.
     */
    public Uni<ContactWindow> lockOrCreate(UUID needId) {
        return getSession()
                .chain(s -> s.createNativeQuery("insert into need_contact_window (need_id) values (:needId)"
                                + " on conflict (need_id) do nothing")
                        .setParameter("needId", needId)
                        .executeUpdate())
                .chain(() -> findById(needId, LockModeType.PESSIMISTIC_WRITE));
    }
}
