package org.careloop.referral;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs reactive work of the application on a fresh Vert.x context, as its own jobs do, and waits for the result. */
public final class OnVertx {

    private OnVertx() {}

    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        return await(start(vertx, work));
    }

    /** Starts the work and returns at once, so that several units of work can run at the same time. */
    public static <T> CompletableFuture<T> start(Vertx vertx, Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
        return result;
    }

    public static <T> T await(CompletableFuture<T> started) {
        try {
            return started.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Reactive work failed", e);
        }
    }
}
