package org.careloop.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Deletes relayed events once their retention has passed, so the outbox table stays small. */
@ApplicationScoped
public class OutboxHousekeeping {

    private final OutboxRepository repository;
    private final OutboxConfig config;

    public OutboxHousekeeping(OutboxRepository repository, OutboxConfig config) {
        this.repository = repository;
        this.config = config;
    }

    @Scheduled(
            identity = "careloop-outbox-housekeeping",
            every = "1h",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        Instant cutoff = Instant.now().minus(config.retention());
        return Panache.withTransaction(() -> repository.deleteSentBefore(cutoff))
                .invoke(n -> Log.infof("Purged %d relayed outbox events sent before %s", n, cutoff))
                .replaceWithVoid();
    }
}
