package org.careloop.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Queries over the outbox table. */
@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /**
     * Takes the relay lock for the current transaction. One relay per database publishes at a time, which keeps
     * per-key order even with several instances of a service.
     */
    public Uni<Boolean> tryRelayLock() {
        return getSession().chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(7283001)", Boolean.class)
                .getSingleResult());
    }

    public Uni<List<OutboxEvent>> findUnsent(int limit) {
        return find("sentAt is null order by id").page(0, limit).list();
    }

    public Uni<Integer> markSent(List<Long> ids, Instant sentAt) {
        return update("sentAt = ?1 where id in ?2", sentAt, ids);
    }

    public Uni<Long> deleteSentBefore(Instant cutoff) {
        return delete("sentAt < ?1", cutoff);
    }

    public Uni<Long> countUnsent() {
        return count("sentAt is null");
    }
}
