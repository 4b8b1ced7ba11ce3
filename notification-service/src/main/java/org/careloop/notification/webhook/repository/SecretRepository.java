package org.careloop.notification.webhook.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.webhook.WebhookSecret;

/** Signing secrets of subscriptions. */
@ApplicationScoped
@WithSession
public class SecretRepository implements PanacheRepositoryBase<WebhookSecret, UUID> {

    /** The secrets that sign at {@code now}: the current one and any rotated out less than its overlap ago. */
    public Uni<List<WebhookSecret>> valid(UUID subscriptionId, Instant now) {
        return list(
                "subscriptionId = ?1 and (expiresAt is null or expiresAt > ?2)",
                Sort.descending("createdAt"),
                subscriptionId,
                now);
    }

    /** Valid secrets of several subscriptions. */
    public Uni<List<WebhookSecret>> valid(List<UUID> subscriptionIds, Instant now) {
        return list(
                "subscriptionId in ?1 and (expiresAt is null or expiresAt > ?2)",
                Sort.descending("createdAt"),
                subscriptionIds,
                now);
    }
}
