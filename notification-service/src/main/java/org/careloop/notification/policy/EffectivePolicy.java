package org.careloop.notification.policy;

import java.time.Instant;
import org.careloop.notification.calendar.BusinessCalendar;

/**
 * The policy that applies to one organization now, with its calendar, and the times it sets.
 *
 * @param settings the durations
 * @param source {@link #DEFAULT} or {@link #ORGANIZATION}: whether an organization's own policy applies
 * @param calendar the organization's business calendar (or the default one)
 */
public record EffectivePolicy(PolicySettings settings, String source, BusinessCalendar calendar) {

    /** The default policy applies (the {@code policy} value of {@code referral-chased}). */
    public static final String DEFAULT = "default";

    /** The organization's own policy applies. */
    public static final String ORGANIZATION = "organization";

    /** When to remind, escalate and recall a referral requested at {@code requestedAt}. */
    public Acknowledgement acknowledgement(Instant requestedAt) {
        return new Acknowledgement(
                after(requestedAt, settings.remindAfter()),
                after(requestedAt, settings.escalateAfter()),
                after(requestedAt, settings.recallAfter()));
    }

    /** When to ask for an outcome update of a referral taken on (or last asked) at {@code since}. */
    public Instant outcomeUpdateAt(Instant since) {
        return after(since, settings.outcomeUpdateAfter());
    }

    /** When the contact window of a need first requested at {@code openedAt} closes (calendar time). */
    public Instant contactWindowClosesAt(Instant openedAt) {
        return openedAt.plus(settings.contactWindow().nominal());
    }

    /** When to warn that a contact window closing at {@code closesAt} is about to close (calendar time). */
    public Instant contactWarningAt(Instant closesAt) {
        return closesAt.minus(settings.contactWarningBefore().nominal());
    }

    private Instant after(Instant start, ChaseDuration duration) {
        return settings.businessTime() ? calendar.plus(start, duration) : start.plus(duration.nominal());
    }

    /**
     * The acknowledgement chases of one request.
     *
     * @param remindAt when the owner is reminded
     * @param escalateAt when coordinators are told; the acknowledgement deadline's due time
     * @param recallAt when the referral is recalled
     */
    public record Acknowledgement(Instant remindAt, Instant escalateAt, Instant recallAt) {}
}
