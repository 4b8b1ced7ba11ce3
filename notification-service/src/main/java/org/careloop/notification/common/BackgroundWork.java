package org.careloop.notification.common;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs reactive work that no request or message started (timer rounds, gauges, seeding) the way the platform's outbox
 * relay does: Hibernate Reactive needs its own safe duplicated Vert.x context for every unit of work.
 */
public final class BackgroundWork {

    private BackgroundWork() {}

    /** Subscribes to {@code work} on a fresh safe duplicated context and reports its outcome. */
    public static <T> void run(Vertx vertx, Supplier<Uni<T>> work, Consumer<T> onItem, Consumer<Throwable> onFailure) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            Uni<T> uni;
            try {
                uni = work.get();
            } catch (RuntimeException e) {
                onFailure.accept(e);
                return;
            }
            uni.subscribe().with(onItem, onFailure);
        });
    }
}
