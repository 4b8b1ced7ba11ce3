package org.careloop.referral.lifecycle.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.referral.lifecycle.ReferralStatusChange;

/** Queries over the status history of referrals. */
@ApplicationScoped
@WithSession
public class ReferralStatusChangeRepository implements PanacheRepositoryBase<ReferralStatusChange, Long> {

    /** One page of a referral's history, oldest change first. */
    public Uni<Page<ReferralStatusChange>> findByReferral(UUID referralId, PageRequest page) {
        var found = find("referralId", Sort.ascending("version"), referralId);
        return found.page(page.page, page.size).list().chain(items -> found.count()
                .map(total -> Page.of(items, page, total)));
    }
}
