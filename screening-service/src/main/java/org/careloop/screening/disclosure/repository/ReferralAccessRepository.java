package org.careloop.screening.disclosure.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.screening.disclosure.ReferralAccess;

/** The replica of referral assignments. */
@ApplicationScoped
@WithSession
public class ReferralAccessRepository implements PanacheRepositoryBase<ReferralAccess, UUID> {}
