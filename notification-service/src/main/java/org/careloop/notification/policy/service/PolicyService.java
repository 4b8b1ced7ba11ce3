package org.careloop.notification.policy.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.careloop.notification.calendar.BusinessCalendar;
import org.careloop.notification.calendar.service.CalendarService;
import org.careloop.notification.common.Problems;
import org.careloop.notification.config.ChaseDefaults;
import org.careloop.notification.organization.service.OrganizationService;
import org.careloop.notification.policy.AcknowledgementPolicy;
import org.careloop.notification.policy.EffectivePolicy;
import org.careloop.notification.policy.PolicyEntry;
import org.careloop.notification.policy.PolicyRules;
import org.careloop.notification.policy.PolicySettings;
import org.careloop.notification.policy.repository.PolicyRepository;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/**
 * Acknowledgement policies: the default and organizations' own, managed through the API, seeded from configuration;
 * and the effective policy (with its calendar) that chases an organization's referrals.
 */
@ApplicationScoped
public class PolicyService {

    private final PolicyRepository policies;
    private final CalendarService calendars;
    private final OrganizationService organizations;
    private final ChaseDefaults defaults;

    public PolicyService(
            PolicyRepository policies,
            CalendarService calendars,
            OrganizationService organizations,
            ChaseDefaults defaults) {
        this.policies = policies;
        this.calendars = calendars;
        this.organizations = organizations;
        this.defaults = defaults;
    }

    /** The policy that applies to an organization now (null: an unassigned referral, the default applies). */
    @WithSession
    public Uni<EffectivePolicy> effective(String organizationId) {
        Set<String> keys = new HashSet<>();
        if (organizationId != null) {
            keys.add(organizationId);
        }
        return effective(keys).map(all -> all.get(organizationId));
    }

    /** The policies that apply to several organizations now; the key null holds the default. */
    @WithSession
    public Uni<Map<String, EffectivePolicy>> effective(Collection<String> organizationIds) {
        Set<String> keys = new HashSet<>();
        organizationIds.stream().filter(o -> o != null).forEach(keys::add);
        // One session runs one query at a time: the calendars wait for the policies.
        return policies.findWithDefault(keys)
                .chain(rows -> calendars.calendarsOf(keys).map(calendarOf -> {
                    Map<String, PolicySettings> stored = new HashMap<>();
                    rows.forEach(r -> stored.put(r.organizationId, r.settings()));
                    PolicySettings fallback = stored.getOrDefault(AcknowledgementPolicy.DEFAULT_KEY, defaults.policy());
                    Map<String, EffectivePolicy> result = new HashMap<>();
                    result.put(null, new EffectivePolicy(fallback, EffectivePolicy.DEFAULT, calendarOf.get(null)));
                    for (String key : keys) {
                        PolicySettings own = stored.get(key);
                        BusinessCalendar calendar = calendarOf.get(key);
                        result.put(
                                key,
                                own != null
                                        ? new EffectivePolicy(own, EffectivePolicy.ORGANIZATION, calendar)
                                        : new EffectivePolicy(fallback, EffectivePolicy.DEFAULT, calendar));
                    }
                    return result;
                }));
    }

    /** One page of stored policies, the default first. */
    @WithSession
    public Uni<Page<PolicyEntry>> list(PageRequest page) {
        return policies.findPage(page.page, page.size).chain(rows -> policies.count()
                .map(total -> Page.of(rows.stream().map(PolicyService::entry).toList(), page, total)));
    }

    /** The default policy. */
    @WithSession
    public Uni<PolicyEntry> getDefault() {
        return defaultEntry();
    }

    /** The policy that applies to an organization; 404 naming {@code organizationId} when it is unknown. */
    @WithSession
    public Uni<PolicyEntry> get(String organizationId) {
        return organizations
                .requireKnown(organizationId)
                .chain(() -> policies.findById(organizationId))
                .chain(own -> own != null
                        ? Uni.createFrom().item(entry(own))
                        : defaultEntry()
                                .map(d -> new PolicyEntry(
                                        EffectivePolicy.DEFAULT,
                                        organizationId,
                                        d.settings(),
                                        d.updatedAt(),
                                        d.updatedBy())));
    }

    /** Replaces the default policy; fields left out keep their value. Referrals already requested keep their timers. */
    @WithTransaction
    public Uni<PolicyEntry> putDefault(PolicyRules.Draft draft, String by) {
        return defaultEntry().chain(current -> {
            PolicySettings settings = validated(draft, current.settings());
            Instant now = Instant.now();
            return policies.upsert(AcknowledgementPolicy.DEFAULT_KEY, settings, now, by)
                    .invoke(() -> Log.infof("Default acknowledgement policy set by %s: %s", by, settings))
                    .replaceWith(new PolicyEntry(EffectivePolicy.DEFAULT, null, settings, now, by));
        });
    }

    /**
     * Sets an organization's own policy; fields left out take the default policy's current value. 404 naming
     * {@code organizationId} when the directory does not know the organization; nothing is written on a 4xx.
     */
    @WithTransaction
    public Uni<PolicyEntry> put(String organizationId, PolicyRules.Draft draft, String by) {
        return organizations
                .requireKnown(organizationId)
                .chain(this::defaultEntry)
                .chain(current -> {
                    PolicySettings settings = validated(draft, current.settings());
                    Instant now = Instant.now();
                    return policies.upsert(organizationId, settings, now, by)
                            .invoke(() -> Log.infof(
                                    "Acknowledgement policy of organization %s set by %s: %s",
                                    organizationId, by, settings))
                            .replaceWith(
                                    new PolicyEntry(EffectivePolicy.ORGANIZATION, organizationId, settings, now, by));
                });
    }

    /** Removes an organization's own policy (the default applies again); 404 when the organization is unknown. */
    @WithTransaction
    public Uni<Void> delete(String organizationId, String by) {
        return organizations
                .requireKnown(organizationId)
                .chain(() -> policies.deleteOverride(organizationId))
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Acknowledgement policy of organization %s removed by %s", organizationId, by);
                    }
                })
                .replaceWithVoid();
    }

    /** Stores the configured default unless a default is stored already. */
    @WithTransaction
    public Uni<Boolean> seedDefault() {
        return policies.insertIfAbsent(
                        AcknowledgementPolicy.DEFAULT_KEY,
                        defaults.policy(),
                        Instant.now(),
                        CalendarService.CONFIGURATION)
                .map(n -> n > 0);
    }

    private Uni<PolicyEntry> defaultEntry() {
        return policies.findById(AcknowledgementPolicy.DEFAULT_KEY)
                .map(row -> row != null
                        ? entry(row)
                        : new PolicyEntry(
                                EffectivePolicy.DEFAULT, null, defaults.policy(), null, CalendarService.CONFIGURATION));
    }

    private static PolicySettings validated(PolicyRules.Draft draft, PolicySettings base) {
        PolicyRules.Result result = PolicyRules.validate(draft, base);
        if (!result.valid()) {
            throw Problems.invalid(result.errors());
        }
        return result.settings();
    }

    private static PolicyEntry entry(AcknowledgementPolicy row) {
        return new PolicyEntry(
                row.isDefault() ? EffectivePolicy.DEFAULT : EffectivePolicy.ORGANIZATION,
                row.isDefault() ? null : row.organizationId,
                row.settings(),
                row.updatedAt,
                row.updatedBy);
    }
}
