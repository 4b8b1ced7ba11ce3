package org.careloop.notification.webhook;

/** Whether a subscription's endpoint gets deliveries. */
public enum SubscriptionState {
    /** Deliveries are sent. */
    ACTIVE,
    /** Deliveries queue up until the subscription is resumed (by its owner, after a delivery kept failing). */
    PAUSED
}
