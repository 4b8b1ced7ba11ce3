package org.careloop.notification.email.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.careloop.notification.email.EmailRules;
import org.careloop.notification.email.EmailSettings;

/** Queries over organizations' e-mail settings; joins the caller's session (and transaction) when there is one. */
@ApplicationScoped
@WithSession
public class EmailSettingsRepository implements PanacheRepositoryBase<EmailSettings, String> {

    /**
     * Writes an organization's settings, replacing the stored ones. An upsert, so that two callers setting a new
     * organization's settings at once do not collide on the key.
     */
    public Uni<Integer> upsert(String organizationId, EmailRules.Settings s, Instant updatedAt, String updatedBy) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into email_settings (organization_id, address, enabled, language, types, updated_at,
                            updated_by)
                        values (:organizationId, :address, :enabled, :language, :types, :updatedAt, :updatedBy)
                        on conflict (organization_id) do update set address = excluded.address,
                            enabled = excluded.enabled, language = excluded.language, types = excluded.types,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .setParameter("organizationId", organizationId)
                .setParameter("address", s.address())
                .setParameter("enabled", s.enabled())
                .setParameter("language", s.language())
                .setParameter("types", String.join(",", s.types()))
                .setParameter("updatedAt", updatedAt)
                .setParameter("updatedBy", updatedBy)
                .executeUpdate());
    }

    /** The settings of those of these organizations that opted in. */
    public Uni<java.util.List<EmailSettings>> findEnabled(java.util.Collection<String> organizationIds) {
        return list("organizationId in ?1 and enabled = true", organizationIds);
    }

    /** The organization's settings when it opted in; null otherwise. */
    public Uni<EmailSettings> findEnabled(String organizationId) {
        return find("organizationId = ?1 and enabled = true", organizationId).firstResult();
    }
}
