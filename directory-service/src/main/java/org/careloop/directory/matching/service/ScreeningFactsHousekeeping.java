package org.careloop.directory.matching.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.matching.repository.ScreeningFactsRepository;

/**
 * Purges the routing facts of screenings once they are older than {@code careloop.directory.matching.facts-retention}:
 * a re-route after that matches without person facts (nothing filters, and the reasons say so).
 */
@ApplicationScoped
public class ScreeningFactsHousekeeping {

    private final ScreeningFactsRepository facts;
    private final DirectoryConfig config;

    public ScreeningFactsHousekeeping(ScreeningFactsRepository facts, DirectoryConfig config) {
        this.facts = facts;
        this.config = config;
    }

    @Scheduled(
            identity = "careloop-directory-screening-facts",
            every = "${careloop.directory.matching.facts-purge-interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return purge(Instant.now())
                .onFailure()
                .invoke(failure -> Log.warnf(failure, "Purging screening facts failed; it runs again later"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes the facts recorded before {@code now} less the retention; returns how many. */
    public Uni<Long> purge(Instant now) {
        return Panache.withTransaction(() ->
                        facts.purgeRecordedBefore(now.minus(config.matching().factsRetention())))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Purged the routing facts of %d screenings", n);
                    }
                });
    }
}
