package org.careloop.notification.webhook.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.webhook.WebhookSubscription;

/** Queries over webhook subscriptions. */
@ApplicationScoped
@WithSession
public class SubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** Every subscription of these organizations, oldest first. */
    public Uni<List<WebhookSubscription>> ofOrganizations(List<String> organizationIds) {
        return list("organizationId in ?1", Sort.ascending("createdAt"), organizationIds);
    }

    public Uni<List<WebhookSubscription>> findPage(String organizationId, int page, int size) {
        Sort sort = Sort.ascending("createdAt", "id");
        return (organizationId == null ? findAll(sort) : find("organizationId", sort, organizationId))
                .page(Page.of(page, size))
                .list();
    }

    public Uni<Long> countOf(String organizationId) {
        return organizationId == null ? count() : count("organizationId", organizationId);
    }

    /** Subscriptions per state, for the health gauges. */
    public Uni<List<Object[]>> countByState() {
        return getSession().chain(s -> s.createQuery(
                        "select state, count(*) from WebhookSubscription group by state", Object[].class)
                .getResultList());
    }
}
