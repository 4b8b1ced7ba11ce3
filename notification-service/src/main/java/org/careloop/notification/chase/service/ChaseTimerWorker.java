package org.careloop.notification.chase.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.careloop.notification.common.RoundLoop;
import org.careloop.notification.config.ChaseConfig;

/**
 * The loop that fires due chase timers. It drives itself on a Vert.x timer, like the platform's outbox relay, rather
 * than the Quarkus scheduler, whose intervals cannot go below one second: while batches fire something it runs them
 * back to back; once one finds nothing due it looks again after {@code careloop.chase.worker.poll-interval}. Any
 * number of loops, in one instance or many, may run on one database: each batch claims its rows with
 * {@code skip locked}. After downtime the first rounds fire everything that fell due meanwhile, late but once.
 */
@ApplicationScoped
public class ChaseTimerWorker {

    private final TimerFiring firing;
    private final long pollMillis;
    private final int batchSize;
    private final boolean enabled;
    private final AtomicLong fired = new AtomicLong();
    private final RoundLoop loop;

    @Inject
    public ChaseTimerWorker(TimerFiring firing, ChaseConfig config, Vertx vertx) {
        this(
                firing,
                vertx,
                config.worker().pollInterval().toMillis(),
                config.worker().batchSize(),
                config.worker().enabled());
    }

    /** A loop with its own settings; the application runs one, tests start more to race it. */
    public ChaseTimerWorker(TimerFiring firing, Vertx vertx, long pollMillis, int batchSize, boolean enabled) {
        this.firing = firing;
        this.pollMillis = Math.max(1, pollMillis);
        this.batchSize = Math.max(1, batchSize);
        this.enabled = enabled;
        this.loop = new RoundLoop(
                vertx,
                () -> firing.fireDue(this.batchSize).map(batch -> {
                    fired.addAndGet(batch.size());
                    // Something fired: look again at once (more may be due, e.g. the next chase of a referral
                    // after downtime); nothing did: wait for the poll interval.
                    return batch.size();
                }),
                this.pollMillis,
                "Chase timer");
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            start();
            Log.infof("Chase timer worker started (poll %d ms, batch %d)", pollMillis, batchSize);
        } else {
            Log.info("Chase timer worker disabled (careloop.chase.worker.enabled=false)");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the loop (again); harmless when it runs. */
    public void start() {
        loop.start();
    }

    /**
     * Stops the loop after the batch in flight, if any.
     *
     * @return completes once no batch of this loop is in flight any more
     */
    public CompletableFuture<Void> stop() {
        return loop.stop();
    }

    /** How many timers this loop has fired since it was created. */
    public long firedCount() {
        return fired.get();
    }
}
