package org.careloop.notification.policy.repository;

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
import org.careloop.notification.policy.AcknowledgementPolicy;
import org.careloop.notification.policy.PolicySettings;

/** Queries over stored acknowledgement policies; the default sorts first (its key is empty). */
@ApplicationScoped
@WithSession
public class PolicyRepository implements PanacheRepositoryBase<AcknowledgementPolicy, String> {

    private static final String UPSERT = """
            insert into acknowledgement_policy (organization_id, remind_after, escalate_after, recall_after,
                outcome_update_after, contact_window, contact_warning_before, business_time, updated_at, updated_by)
            values (:organizationId, :remindAfter, :escalateAfter, :recallAfter, :outcomeUpdateAfter, :contactWindow,
                :contactWarningBefore, :businessTime, :updatedAt, :updatedBy)
            """;

    /** The default and the organizations' own policies among {@code organizationIds}. */
    public Uni<List<AcknowledgementPolicy>> findWithDefault(Collection<String> organizationIds) {
        Set<String> keys = new HashSet<>(organizationIds);
        keys.add(AcknowledgementPolicy.DEFAULT_KEY);
        return list("organizationId in ?1", keys);
    }

    /** One page of policies, the default first, then by organization id. */
    public Uni<List<AcknowledgementPolicy>> findPage(int page, int size) {
        return findAll(Sort.by("organizationId")).page(Page.of(page, size)).list();
    }

    /**
     * Writes a policy, replacing the stored one. An upsert, so that two coordinators setting a new organization's
     * policy at once do not collide on the key.
     */
    public Uni<Integer> upsert(String key, PolicySettings settings, Instant updatedAt, String updatedBy) {
        return write(UPSERT + """
                        on conflict (organization_id) do update set remind_after = excluded.remind_after,
                            escalate_after = excluded.escalate_after, recall_after = excluded.recall_after,
                            outcome_update_after = excluded.outcome_update_after,
                            contact_window = excluded.contact_window,
                            contact_warning_before = excluded.contact_warning_before,
                            business_time = excluded.business_time, updated_at = excluded.updated_at,
                            updated_by = excluded.updated_by
                        """, key, settings, updatedAt, updatedBy);
    }

    /** Writes a policy only when none is stored under the key (seeding; several instances may start at once). */
    public Uni<Integer> insertIfAbsent(String key, PolicySettings settings, Instant updatedAt, String updatedBy) {
        return write(UPSERT + " on conflict (organization_id) do nothing", key, settings, updatedAt, updatedBy);
    }

    /** Deletes an organization's own policy; the default cannot be deleted. */
    public Uni<Long> deleteOverride(String organizationId) {
        return delete(
                "organizationId = ?1 and organizationId <> ?2", organizationId, AcknowledgementPolicy.DEFAULT_KEY);
    }

    private Uni<Integer> write(String sql, String key, PolicySettings s, Instant updatedAt, String updatedBy) {
        return getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("organizationId", key)
                .setParameter("remindAfter", s.remindAfter().toString())
                .setParameter("escalateAfter", s.escalateAfter().toString())
                .setParameter("recallAfter", s.recallAfter().toString())
                .setParameter("outcomeUpdateAfter", s.outcomeUpdateAfter().toString())
                .setParameter("contactWindow", s.contactWindow().toString())
                .setParameter("contactWarningBefore", s.contactWarningBefore().toString())
                .setParameter("businessTime", s.businessTime())
                .setParameter("updatedAt", updatedAt)
                .setParameter("updatedBy", updatedBy)
                .executeUpdate());
    }
}
