package org.careloop.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How referrals are chased: the default policy and calendar seeded at start, and the timer worker. */
@ConfigMapping(prefix = "careloop.chase")
public interface ChaseConfig {

    /** The default acknowledgement policy, stored at the first start (later changes go through the API). */
    DefaultPolicy defaultPolicy();

    /** The default business calendar, stored at the first start (later changes go through the API). */
    DefaultCalendar defaultCalendar();

    /** The worker that fires due timers. */
    Worker worker();

    /** Durations are ISO-8601 (days, hours, minutes, seconds: {@code P2D}, {@code PT20S}). */
    interface DefaultPolicy {

        /** Remind the owner organization after this long without an acknowledgement. */
        @WithDefault("P1D")
        String remindAfter();

        /** Escalate to coordinators after this long: the acknowledgement deadline. */
        @WithDefault("P2D")
        String escalateAfter();

        /** Recall (and re-route) the referral after this long. */
        @WithDefault("P3D")
        String recallAfter();

        /** Ask for an update when a referral stays accepted, in progress or on hold this long; repeats. */
        @WithDefault("P14D")
        String outcomeUpdateAfter();

        /** Contact window from the need's first request (MIPS #498), calendar time. */
        @WithDefault("P60D")
        String contactWindow();

        /** Warn this long before the contact window closes, calendar time. */
        @WithDefault("P7D")
        String contactWarningBefore();

        /** Count remind, escalate, recall and outcome-update durations in business time. */
        @WithDefault("true")
        boolean businessTime();
    }

    /** Working days and holidays in a time zone. */
    interface DefaultCalendar {

        /** IANA time zone id. */
        @WithDefault("America/New_York")
        String zone();

        /** Working days (MONDAY … SUNDAY or MON … SUN). */
        @WithDefault("MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
        List<String> workingDays();

        /** Holidays as ISO dates (none by default). */
        Optional<List<String>> holidays();
    }

    /** The timer worker. */
    interface Worker {

        /** Whether this instance fires timers (any number of instances may). */
        @WithDefault("true")
        boolean enabled();

        /** How long the worker waits before looking again when no timer was due. */
        @WithDefault("250ms")
        Duration pollInterval();

        /** How many due timers one transaction claims and fires. */
        @WithDefault("500")
        int batchSize();

        /** How often the pending and overdue timer gauges are refreshed. */
        @WithDefault("5s")
        Duration metricsInterval();
    }
}
