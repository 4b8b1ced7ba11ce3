package org.careloop.screening.audit.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;
import org.careloop.screening.audit.AuditEntry;

/** Appends to the disclosure audit, inside the caller's transaction. */
@ApplicationScoped
public class AuditLog {

    /**
     * Who acts.
     *
     * @param name user or client name
     * @param role the role the act was allowed or refused under
     * @param organizationId the caller's organization, null when it has none
     */
    public record Actor(String name, String role, String organizationId) {

        private static final java.util.List<String> ROLES =
                java.util.List.of(Roles.CLINIC, Roles.CBO_STAFF, Roles.COORDINATOR, Roles.OPERATOR, Roles.INTEGRATOR);

        /** The caller of the current request, by its most specific role. */
        public static Actor of(Caller caller) {
            String role = ROLES.stream().filter(caller::hasRole).findFirst().orElse(null);
            return new Actor(caller.name(), role, caller.organizationId().orElse(null));
        }

        /** CareLoop itself (expiry, pseudonymisation). */
        public static Actor system() {
            return new Actor("system", null, null);
        }
    }

    /** Records one act; joins the current transaction, so it commits (or rolls back) with what it records. */
    public Uni<Void> record(
            Actor actor,
            String action,
            String personRef,
            UUID referralId,
            String purpose,
            boolean allowed,
            String reason,
            Instant at) {
        AuditEntry entry = new AuditEntry();
        entry.at = at;
        entry.actor = actor.name();
        entry.actorRole = actor.role();
        entry.actorOrganizationId = actor.organizationId();
        entry.personRef = personRef;
        entry.referralId = referralId;
        entry.action = action;
        entry.purpose = purpose;
        entry.outcome = allowed ? AuditEntry.ALLOWED : AuditEntry.DENIED;
        entry.reason = reason;
        Log.infof(
                "Audit: %s %s (%s) %s person %s referral %s: %s%s",
                actor.name(),
                actor.role(),
                actor.organizationId(),
                action,
                personRef,
                referralId,
                entry.outcome,
                reason == null ? "" : " (" + reason + ")");
        return Panache.getSession().chain(s -> s.persist(entry)).replaceWithVoid();
    }
}
