package org.careloop.contracts.codes;

import java.util.List;

/**
 * Who made a referral change, as {@code referral-updated} reports it. A coordinator's change of an owner status is
 * made on the owner organization's behalf and does not count as that organization's acknowledgement.
 */
public final class ActorRoles {
    /** Staff of the organization the referral is assigned to. */
    public static final String OWNER = "owner";
    /** The clinic that requested the referral. */
    public static final String REQUESTER = "requester";
    /** A referral coordinator (on an organization's behalf when setting an owner status). */
    public static final String COORDINATOR = "coordinator";
    /** CareLoop itself: creation from a match, a recall, a re-route. */
    public static final String SYSTEM = "system";

    public static final List<String> ALL = List.of(OWNER, REQUESTER, COORDINATOR, SYSTEM);

    private ActorRoles() {}
}
