package org.careloop.notification.webhook.service;

import java.util.List;

/**
 * A subscription as a client asks for it (any field may be null: see the rules in {@link SubscriptionService}).
 *
 * @param organizationId whose referrals (the caller's own unless an operator)
 * @param url the endpoint
 * @param types the notice types; all when null
 * @param description a label for the subscriber
 * @param contactEmail who to tell when the subscription is paused
 */
public record SubscriptionDraft(
        String organizationId, String url, List<String> types, String description, String contactEmail) {}
