package org.careloop.notification.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.careloop.notification.calendar.BusinessCalendar;
import org.careloop.notification.calendar.CalendarRules;
import org.careloop.notification.policy.PolicyRules;
import org.careloop.notification.policy.PolicySettings;

/**
 * The configured default policy and calendar, validated by the same rules as the API: a bad value stops the service
 * at start with the key at fault, instead of surfacing later as a wrong chase.
 */
@Startup
@ApplicationScoped
public class ChaseDefaults {

    private final PolicySettings policy;
    private final BusinessCalendar calendar;

    public ChaseDefaults(ChaseConfig config) {
        ChaseConfig.DefaultPolicy p = config.defaultPolicy();
        PolicyRules.Result policyResult = PolicyRules.validate(
                new PolicyRules.Draft(
                        p.remindAfter(),
                        p.escalateAfter(),
                        p.recallAfter(),
                        p.outcomeUpdateAfter(),
                        p.contactWindow(),
                        p.contactWarningBefore(),
                        p.businessTime()),
                null);
        if (!policyResult.valid()) {
            throw new IllegalStateException("Invalid careloop.chase.default-policy: "
                    + policyResult.errors().stream()
                            .map(e -> e.field() + " " + e.message())
                            .collect(Collectors.joining("; ")));
        }
        ChaseConfig.DefaultCalendar c = config.defaultCalendar();
        CalendarRules.Result calendarResult = CalendarRules.validate(
                new CalendarRules.Draft(c.zone(), c.workingDays(), c.holidays().orElse(List.of())), null);
        if (!calendarResult.valid()) {
            throw new IllegalStateException("Invalid careloop.chase.default-calendar: "
                    + calendarResult.errors().stream()
                            .map(e -> e.field() + " " + e.message())
                            .collect(Collectors.joining("; ")));
        }
        this.policy = policyResult.settings();
        this.calendar = calendarResult.calendar();
    }

    /** The configured default policy. */
    public PolicySettings policy() {
        return policy;
    }

    /** The configured default calendar. */
    public BusinessCalendar calendar() {
        return calendar;
    }
}
