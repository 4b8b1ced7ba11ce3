package org.careloop.notification.common;

import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.security.Caller;
import org.careloop.platform.security.Roles;

/** Whose records a caller may see or change: an organization's own, or any for operators (and coordinators reading). */
public final class OrganizationScope {

    private OrganizationScope() {}

    /**
     * The organization a request is scoped to: for an operator (and a coordinator when {@code coordinatorSeesAll})
     * the one asked for, null meaning all; for anyone else their token's organization, and asking for another is a
     * 403.
     */
    public static String of(Caller caller, String requested, boolean coordinatorSeesAll) {
        if (caller.hasRole(Roles.OPERATOR) || (coordinatorSeesAll && caller.hasRole(Roles.COORDINATOR))) {
            return requested;
        }
        String own = caller.requireOrganizationId();
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("Organization " + own + " may not act for organization " + requested);
        }
        return own;
    }
}
