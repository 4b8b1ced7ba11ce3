package org.careloop.notification.webhook.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.webhook.WebhookAlert;

/** Alerts to owners of paused subscriptions. */
@ApplicationScoped
@WithSession
public class AlertRepository implements PanacheRepositoryBase<WebhookAlert, UUID> {

    /** Unsent alerts, oldest first, locked until the transaction ends ({@code skip locked}: one sender each). */
    public Uni<List<WebhookAlert>> claimUnsent(int limit) {
        return getSession().chain(s -> s.createNativeQuery(
                        "select * from webhook_alert where sent_at is null order by created_at limit :limit"
                                + " for update skip locked",
                        WebhookAlert.class)
                .setParameter("limit", limit)
                .getResultList());
    }
}
