package org.careloop.notification.calendar.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.careloop.notification.calendar.BusinessCalendar;
import org.careloop.notification.calendar.CalendarEntry;
import org.careloop.notification.calendar.CalendarRules;
import org.careloop.notification.calendar.StoredCalendar;
import org.careloop.notification.calendar.repository.CalendarRepository;
import org.careloop.notification.common.Problems;
import org.careloop.notification.config.ChaseDefaults;
import org.careloop.notification.organization.service.OrganizationService;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/** Business calendars: the default and organizations' own, managed through the API, seeded from configuration. */
@ApplicationScoped
public class CalendarService {

    /** {@code updatedBy} of a default written from configuration. */
    public static final String CONFIGURATION = "configuration";

    private final CalendarRepository calendars;
    private final OrganizationService organizations;
    private final ChaseDefaults defaults;

    public CalendarService(CalendarRepository calendars, OrganizationService organizations, ChaseDefaults defaults) {
        this.calendars = calendars;
        this.organizations = organizations;
        this.defaults = defaults;
    }

    /** The calendar that applies to each organization (its own, else the default); key null = the default. */
    @WithSession
    public Uni<Map<String, BusinessCalendar>> calendarsOf(Collection<String> organizationIds) {
        return calendars
                .findWithDefault(organizationIds.stream().filter(o -> o != null).toList())
                .map(rows -> {
                    Map<String, BusinessCalendar> stored = new HashMap<>();
                    rows.forEach(r -> stored.put(r.organizationId, r.calendar()));
                    BusinessCalendar fallback = stored.getOrDefault(StoredCalendar.DEFAULT_KEY, defaults.calendar());
                    Map<String, BusinessCalendar> result = new HashMap<>();
                    result.put(null, fallback);
                    for (String organizationId : organizationIds) {
                        if (organizationId != null) {
                            result.put(organizationId, stored.getOrDefault(organizationId, fallback));
                        }
                    }
                    return result;
                });
    }

    /** One page of stored calendars, the default first. */
    @WithSession
    public Uni<Page<CalendarEntry>> list(PageRequest page) {
        return calendars.findPage(page.page, page.size).chain(rows -> calendars
                .count()
                .map(total -> Page.of(rows.stream().map(CalendarService::entry).toList(), page, total)));
    }

    /** The default calendar. */
    @WithSession
    public Uni<CalendarEntry> getDefault() {
        return defaultEntry();
    }

    /** The calendar that applies to an organization; 404 naming {@code organizationId} when it is unknown. */
    @WithSession
    public Uni<CalendarEntry> get(String organizationId) {
        return organizations
                .requireKnown(organizationId)
                .chain(() -> calendars.findById(organizationId))
                .chain(own -> own != null
                        ? Uni.createFrom().item(entry(own))
                        : defaultEntry()
                                .map(d -> new CalendarEntry(
                                        EffectivePolicy.DEFAULT,
                                        organizationId,
                                        d.calendar(),
                                        d.updatedAt(),
                                        d.updatedBy())));
    }

    /** Replaces the default calendar; fields left out keep their value. */
    @WithTransaction
    public Uni<CalendarEntry> putDefault(CalendarRules.Draft draft, String by) {
        return defaultEntry().chain(current -> {
            BusinessCalendar calendar = validated(draft, current.calendar());
            Instant now = Instant.now();
            return calendars
                    .upsert(StoredCalendar.DEFAULT_KEY, calendar, now, by)
                    .invoke(() -> Log.infof("Default business calendar set by %s", by))
                    .replaceWith(new CalendarEntry(EffectivePolicy.DEFAULT, null, calendar, now, by));
        });
    }

    /**
     * Sets an organization's own calendar; fields left out take the default calendar's current value. 404 naming
     * {@code organizationId} when the directory does not know the organization; nothing is written on a 4xx.
     */
    @WithTransaction
    public Uni<CalendarEntry> put(String organizationId, CalendarRules.Draft draft, String by) {
        return organizations
                .requireKnown(organizationId)
                .chain(this::defaultEntry)
                .chain(current -> {
                    BusinessCalendar calendar = validated(draft, current.calendar());
                    Instant now = Instant.now();
                    return calendars
                            .upsert(organizationId, calendar, now, by)
                            .invoke(() ->
                                    Log.infof("Business calendar of organization %s set by %s", organizationId, by))
                            .replaceWith(
                                    new CalendarEntry(EffectivePolicy.ORGANIZATION, organizationId, calendar, now, by));
                });
    }

    /** Removes an organization's own calendar (the default applies again); 404 when the organization is unknown. */
    @WithTransaction
    public Uni<Void> delete(String organizationId, String by) {
        return organizations
                .requireKnown(organizationId)
                .chain(() -> calendars.deleteOverride(organizationId))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Business calendar of organization %s removed by %s", organizationId, by);
                    }
                })
                .replaceWithVoid();
    }

    /** Stores the configured default unless a default is stored already. */
    @WithTransaction
    public Uni<Boolean> seedDefault() {
        return calendars
                .insertIfAbsent(StoredCalendar.DEFAULT_KEY, defaults.calendar(), Instant.now(), CONFIGURATION)
                .map(n -> n > 0);
    }

    private Uni<CalendarEntry> defaultEntry() {
        return calendars
                .findById(StoredCalendar.DEFAULT_KEY)
                .map(row -> row != null
                        ? entry(row)
                        : new CalendarEntry(EffectivePolicy.DEFAULT, null, defaults.calendar(), null, CONFIGURATION));
    }

    private static BusinessCalendar validated(CalendarRules.Draft draft, BusinessCalendar base) {
        CalendarRules.Result result = CalendarRules.validate(draft, base);
        if (!result.valid()) {
            throw Problems.invalid(result.errors());
        }
        return result.calendar();
    }

    private static CalendarEntry entry(StoredCalendar row) {
        return new CalendarEntry(
                row.isDefault() ? EffectivePolicy.DEFAULT : EffectivePolicy.ORGANIZATION,
                row.isDefault() ? null : row.organizationId,
                row.calendar(),
                row.updatedAt,
                row.updatedBy);
    }
}
