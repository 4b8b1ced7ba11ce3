package org.careloop.platform.security;

/** Realm roles of the {@code careloop} Keycloak realm (deploy/keycloak/careloop-realm.json). */
public final class Roles {
    /** Clinic systems and clinicians who screen patients and request referrals. */
    public static final String CLINIC = "clinic";
    /** Referral coordinators who see and steer every referral. */
    public static final String COORDINATOR = "coordinator";
    /** Staff of a community organization; sees only referrals sent to their organization ({@code org_id} claim). */
    public static final String CBO_STAFF = "cbo-staff";
    /** Partner systems that subscribe to referral events. */
    public static final String INTEGRATOR = "integrator";
    /** Operators who monitor the platform. */
    public static final String OPERATOR = "operator";

    /** Token claim that carries the caller's organization id. */
    public static final String ORGANIZATION_CLAIM = "org_id";

    private Roles() {}
}
