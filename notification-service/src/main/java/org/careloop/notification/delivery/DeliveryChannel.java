package org.careloop.notification.delivery;

import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * One way of telling an organization (webhook, e-mail; SMS later): a CDI bean implementing this interface, with its
 * configuration, is a new channel. The delivery core asks every channel for its destinations of each notice (in the
 * transaction that records the notice), stores one delivery per destination, and later calls {@link #deliver} for it,
 * retrying with back-off, in order per referral and destination.
 */
public interface DeliveryChannel {

    /** The channel's name, as stored on each delivery: {@code webhook}, {@code email}. */
    String name();

    /**
     * Where this channel sends each notice, in the notices' order (one list per notice): one entry per recipient that
     * opted in to its type for its organization. Runs inside the caller's (reactive Hibernate) transaction; queries
     * only, one query for all the notices where it can.
     */
    Uni<List<List<Destination>>> destinations(List<Notice> notices);

    /** Where this channel sends one notice (see {@link #destinations(List)}). */
    default Uni<List<Destination>> destinations(Notice notice) {
        return destinations(List.of(notice)).map(List::getFirst);
    }

    /**
     * Called with the destinations of a batch about to be delivered, inside the transaction that claimed it (queries
     * only): a channel loads here what {@link #deliver} needs (an endpoint's URL and secrets), since {@code deliver}
     * runs outside any session. Nothing by default.
     */
    default Uni<Void> prepare(List<Destination> batch) {
        return Uni.createFrom().voidItem();
    }

    /**
     * Delivers the notice to one destination, once. Runs outside any transaction. A failed attempt is an item
     * ({@link Attempt#failed}), not a failure; a failure of the returned Uni counts as a failed attempt too.
     *
     * @param deliveryId the delivery's id (stable across retries)
     * @param attempt 1 for the first attempt
     */
    Uni<Attempt> deliver(Notice notice, Destination destination, java.util.UUID deliveryId, int attempt);

    /**
     * A delivery to the destination failed for good (every attempt, or the recipient refused it): a channel may hold
     * the destination (a webhook subscription is paused and its owner told). Runs in the transaction that records the
     * failure. Nothing by default.
     */
    default Uni<Void> failedForGood(Destination destination, String reason) {
        return Uni.createFrom().voidItem();
    }
}
