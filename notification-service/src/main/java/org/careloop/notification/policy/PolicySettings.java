package org.careloop.notification.policy;

/**
 * The durations of an acknowledgement policy, already validated by {@link PolicyRules}.
 *
 * @param remindAfter after this long unacknowledged, the owner organization is reminded
 * @param escalateAfter after this long, coordinators are told (the acknowledgement deadline)
 * @param recallAfter after this long, the referral is recalled and re-routed
 * @param outcomeUpdateAfter a referral accepted, in progress or on hold this long is asked for an update, again and
 *     again while it stays so
 * @param contactWindow the window for contact with a community service provider (MIPS #498: 60 days), counted from
 *     the need's first request, always in calendar time
 * @param contactWarningBefore how long before the window closes a warning goes out, in calendar time
 * @param businessTime whether remind, escalate, recall and outcome-update durations count in the organization's
 *     business calendar
 */
public record PolicySettings(
        ChaseDuration remindAfter,
        ChaseDuration escalateAfter,
        ChaseDuration recallAfter,
        ChaseDuration outcomeUpdateAfter,
        ChaseDuration contactWindow,
        ChaseDuration contactWarningBefore,
        boolean businessTime) {}
