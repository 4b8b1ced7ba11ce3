package org.careloop.notification.common;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A loop of rounds that drives itself on Vert.x timers, like the platform's outbox relay (the Quarkus scheduler cannot
 * poll below one second): while rounds do something it runs them back to back; once one does nothing (or fails) it
 * waits {@code pollMillis}. Each round runs on its own safe context ({@link BackgroundWork}).
 */
public final class RoundLoop {

    private final Vertx vertx;
    private final Supplier<Uni<Integer>> round;
    private final long pollMillis;
    private final String what;
    private boolean running;
    private boolean chainAlive;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    /**
     * @param round one round; its item is how much it did (0: nothing, wait before the next)
     * @param what what the loop does, for the log
     */
    public RoundLoop(Vertx vertx, Supplier<Uni<Integer>> round, long pollMillis, String what) {
        this.vertx = vertx;
        this.round = round;
        this.pollMillis = Math.max(1, pollMillis);
        this.what = what;
    }

    /** Starts the loop (again); harmless when it runs. */
    public synchronized void start() {
        running = true;
        if (!chainAlive) {
            chainAlive = true;
            idle = new CompletableFuture<>();
            schedule(0);
        }
    }

    /**
     * Stops the loop after the round in flight, if any.
     *
     * @return completes once no round of this loop is in flight any more
     */
    public synchronized CompletableFuture<Void> stop() {
        running = false;
        return idle;
    }

    private void schedule(long delayMillis) {
        vertx.setTimer(Math.max(1, delayMillis), id -> round());
    }

    private void round() {
        if (!continuing()) {
            return;
        }
        BackgroundWork.run(vertx, round, done -> next(done == null || done == 0 ? pollMillis : 0), failure -> {
            Log.warnf(failure, "%s round failed; retrying in %d ms", what, pollMillis);
            next(pollMillis);
        });
    }

    private synchronized boolean continuing() {
        if (!running) {
            chainAlive = false;
            idle.complete(null);
            return false;
        }
        return true;
    }

    private synchronized void next(long delayMillis) {
        if (running) {
            schedule(delayMillis);
        } else {
            chainAlive = false;
            idle.complete(null);
        }
    }
}
