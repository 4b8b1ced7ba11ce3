package org.careloop.referral.lifecycle;

/** The part a caller plays for one referral; decides which statuses the caller may set (SDOHCC write rules). */
public enum Party {
    /** Staff of the community organization the referral is assigned to (the Task owner). */
    OWNER,
    /** The clinic that requested the referral (the Task requester). */
    REQUESTER,
    /** A referral coordinator, who steers every referral. */
    COORDINATOR
}
