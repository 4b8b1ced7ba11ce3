package org.careloop.platform.metrics;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Figures read from the database every {@code interval} for gauges: a gauge must answer at once, so it shows the last
 * figures read. Each refresh runs in its own session on a fresh Vert.x context; a failed refresh keeps the last
 * figures and tries again at the next interval.
 *
 * @param <T> the figures
 */
public final class PeriodicRefresh<T> {

    private final Vertx vertx;
    private final Duration interval;
    private final Supplier<Uni<T>> query;
    private final String what;
    private final AtomicReference<T> last;
    private volatile boolean running;

    /**
     * @param initial the figures until the first refresh
     * @param query reads the figures; runs inside a session
     * @param what what the figures are, for the log
     */
    public PeriodicRefresh(Vertx vertx, Duration interval, T initial, Supplier<Uni<T>> query, String what) {
        this.vertx = vertx;
        this.interval = interval;
        this.query = query;
        this.what = what;
        this.last = new AtomicReference<>(initial);
    }

    /** The figures of the last refresh. */
    public T current() {
        return last.get();
    }

    public void start() {
        running = true;
        schedule();
    }

    public void stop() {
        running = false;
    }

    private void schedule() {
        if (running) {
            vertx.setTimer(Math.max(100, interval.toMillis()), id -> refresh());
        }
    }

    private void refresh() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Panache.withSession(query)
                .subscribe()
                .with(
                        figures -> {
                            last.set(figures);
                            schedule();
                        },
                        failure -> {
                            Log.debugf("%s not refreshed: %s", what, failure.getMessage());
                            schedule();
                        }));
    }
}
