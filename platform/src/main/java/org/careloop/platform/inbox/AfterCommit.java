package org.careloop.platform.inbox;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Side effects that must follow a commit, never precede it: metrics, notifications to the outside. Inside an
 * {@link IdempotentConsumer} handler, {@link #run(Runnable)} defers the action until the handler's transaction has
 * committed and drops it if the attempt fails (a retried attempt registers its own). Outside such a handler the action
 * runs at once.
 */
public final class AfterCommit {

    private static final String PENDING = "careloop.after-commit";

    private AfterCommit() {}

    /** Runs {@code action} after the current consumer transaction commits, or at once when there is none. */
    public static void run(Runnable action) {
        List<Runnable> pending = pending();
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    /** Starts collecting actions for one attempt of a unit of work on the current Vert.x context. */
    static void begin() {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(PENDING, new ArrayList<Runnable>());
        }
    }

    /** The unit of work committed: runs its actions. */
    static void committed() {
        List<Runnable> pending = take();
        if (pending != null) {
            for (Runnable action : pending) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    Log.warnf(e, "An after-commit action failed; the commit stands");
                }
            }
        }
    }

    /** The attempt failed: its actions never happened. */
    static void discard() {
        take();
    }

    private static List<Runnable> pending() {
        Context context = Vertx.currentContext();
        return context == null ? null : context.getLocal(PENDING);
    }

    private static List<Runnable> take() {
        Context context = Vertx.currentContext();
        if (context == null) {
            return null;
        }
        List<Runnable> pending = context.getLocal(PENDING);
        context.removeLocal(PENDING);
        return pending;
    }
}
