package org.careloop.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: roles from the token and the organization claim that scopes what they may see. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public Caller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The subject or user name, for audit logs. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's organization id from the {@code org_id} claim, if the token has one. */
    public Optional<String> organizationId() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object claim = token.getClaim(Roles.ORGANIZATION_CLAIM);
        return Optional.ofNullable(claim).map(Object::toString).filter(s -> !s.isBlank());
    }

    /** The caller's organization id; a token without one may not perform organization-scoped operations. */
    public String requireOrganizationId() {
        return organizationId()
                .orElseThrow(() ->
                        ProblemException.forbidden("The token carries no " + Roles.ORGANIZATION_CLAIM + " claim"));
    }
}
