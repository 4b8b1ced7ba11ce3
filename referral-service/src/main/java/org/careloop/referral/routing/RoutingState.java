package org.careloop.referral.routing;

/** Where the routing of a need stands. */
public enum RoutingState {
    /** A referral of the need is open with an organization. */
    ROUTED,
    /** The candidates ran out: the directory was asked for a fresh match and has not answered yet. */
    MATCHING,
    /** Nothing left to try automatically: in the coordinators' work queue until one assigns or closes it. */
    QUEUED,
    /** The need's last referral ended for good (completed, failed, withdrawn) or a coordinator closed it. */
    CLOSED
}
