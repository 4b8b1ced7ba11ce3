package org.careloop.notification.webhook.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.webhook.WebhookAlert;

/** Alerts to owners of paused subscriptions. */
@ApplicationScoped
@WithSession
public class AlertRepository implements PanacheRepositoryBase<WebhookAlert, UUID> {

    public Uni<List<WebhookAlert>> unsent(int limit) {
        return find("sentAt is null", Sort.ascending("createdAt"))
                .page(0, limit)
                .list();
    }

    public Uni<List<WebhookAlert>> of(UUID subscriptionId) {
        return list("subscriptionId", Sort.descending("createdAt"), subscriptionId);
    }
}
