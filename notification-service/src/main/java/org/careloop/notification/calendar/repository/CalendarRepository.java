package org.careloop.notification.calendar.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.careloop.notification.calendar.BusinessCalendar;
import org.careloop.notification.calendar.StoredCalendar;

/** Queries over stored business calendars; the default sorts first (its key is empty). */
@ApplicationScoped
@WithSession
public class CalendarRepository implements PanacheRepositoryBase<StoredCalendar, String> {

    private static final String INSERT = """
            insert into business_calendar (organization_id, zone, working_days, holidays, updated_at, updated_by)
            values (:organizationId, :zone, :workingDays, :holidays, :updatedAt, :updatedBy)
            """;

    /** The default and the organizations' own calendars among {@code organizationIds}. */
    public Uni<List<StoredCalendar>> findWithDefault(Collection<String> organizationIds) {
        Set<String> keys = new HashSet<>(organizationIds);
        keys.add(StoredCalendar.DEFAULT_KEY);
        return list("organizationId in ?1", keys);
    }

    /** One page of calendars, the default first, then by organization id. */
    public Uni<List<StoredCalendar>> findPage(int page, int size) {
        return findAll(Sort.by("organizationId")).page(Page.of(page, size)).list();
    }

    /** Writes a calendar, replacing the stored one (an upsert: concurrent first writes do not collide). */
    public Uni<Integer> upsert(String key, BusinessCalendar calendar, Instant updatedAt, String updatedBy) {
        return write(INSERT + """
                        on conflict (organization_id) do update set zone = excluded.zone,
                            working_days = excluded.working_days, holidays = excluded.holidays,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """, key, calendar, updatedAt, updatedBy);
    }

    /** Writes a calendar only when none is stored under the key (seeding). */
    public Uni<Integer> insertIfAbsent(String key, BusinessCalendar calendar, Instant updatedAt, String updatedBy) {
        return write(INSERT + " on conflict (organization_id) do nothing", key, calendar, updatedAt, updatedBy);
    }

    /** Deletes an organization's own calendar; the default cannot be deleted. */
    public Uni<Long> deleteOverride(String organizationId) {
        return delete("organizationId = ?1 and organizationId <> ?2", organizationId, StoredCalendar.DEFAULT_KEY);
    }

    private Uni<Integer> write(String sql, String key, BusinessCalendar calendar, Instant updatedAt, String updatedBy) {
        return getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("organizationId", key)
                .setParameter("zone", calendar.zone().getId())
                .setParameter("workingDays", StoredCalendar.workingDaysText(calendar))
                .setParameter("holidays", StoredCalendar.holidaysText(calendar))
                .setParameter("updatedAt", updatedAt)
                .setParameter("updatedBy", updatedBy)
                .executeUpdate());
    }
}
