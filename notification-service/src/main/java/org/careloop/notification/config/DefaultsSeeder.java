package org.careloop.notification.config;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.careloop.notification.calendar.service.CalendarService;
import org.careloop.notification.common.BackgroundWork;
import org.careloop.notification.policy.service.PolicyService;

/**
 * Stores the configured default policy and calendar at start, only when none is stored: after the first start they
 * are data, changed through the API, and a restart with other configuration does not overwrite them. Until they are
 * stored, the configured values apply.
 */
@ApplicationScoped
public class DefaultsSeeder {

    private static final long RETRY_MILLIS = 5_000;

    private final PolicyService policies;
    private final CalendarService calendars;
    private final Vertx vertx;
    private volatile boolean running;

    public DefaultsSeeder(PolicyService policies, CalendarService calendars, Vertx vertx) {
        this.policies = policies;
        this.calendars = calendars;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        seed();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void seed() {
        BackgroundWork.run(
                vertx,
                () -> policies.seedDefault().chain(policy -> calendars
                        .seedDefault()
                        .invoke(calendar -> Log.infof(
                                "Default acknowledgement policy %s, default business calendar %s",
                                policy ? "stored from configuration" : "already stored",
                                calendar ? "stored from configuration" : "already stored"))),
                ignored -> {},
                failure -> {
                    Log.warnf("Default policy and calendar not stored yet (%s); retrying", failure.getMessage());
                    if (running) {
                        vertx.setTimer(RETRY_MILLIS, id -> seed());
                    }
                });
    }
}
