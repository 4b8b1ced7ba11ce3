package org.careloop.referral.lifecycle.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;
import org.careloop.referral.lifecycle.Actor;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralCriteria;
import org.careloop.referral.lifecycle.ReferralStatus;

/** Queries over referrals. */
@ApplicationScoped
@WithSession
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    /** Statuses in which a referral is open: not final. */
    public static final Set<ReferralStatus> OPEN = EnumSet.of(
            ReferralStatus.DRAFT,
            ReferralStatus.REQUESTED,
            ReferralStatus.ACCEPTED,
            ReferralStatus.IN_PROGRESS,
            ReferralStatus.ON_HOLD);

    public Uni<Boolean> existsForNeedAndOwner(UUID needId, String ownerOrganizationId) {
        return count(
                        "needId = :needId and ownerOrganizationId = :owner",
                        Map.of("needId", needId, "owner", ownerOrganizationId))
                .map(n -> n > 0);
    }

    /** Whether the need has any referral (needs routed before routing was recorded have no routing row). */
    public Uni<Boolean> existsForNeed(UUID needId) {
        return count("needId", needId).map(n -> n > 0);
    }

    /** Every attempt at a need, first attempt first. */
    public Uni<List<Referral>> findByNeed(UUID needId) {
        return list("needId", Sort.ascending("attempt", "createdAt"), needId);
    }

    /** The open referrals (draft, requested, accepted, in progress, on hold) of a person at a clinic. */
    public Uni<List<Referral>> findOpenOfPerson(String patientId, String requesterOrganizationId) {
        return list(
                "patientId = :person and requesterOrganizationId = :clinic and status in :open",
                Sort.ascending("createdAt", "id"),
                Map.of("person", patientId, "clinic", requesterOrganizationId, "open", OPEN));
    }

    /** One page of the referrals matching the criteria, newest first. */
    public Uni<Page<Referral>> search(ReferralCriteria criteria, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        Actor actor = criteria.actor();
        if (actor.organizationScoped()) {
            List<String> scope = new ArrayList<>();
            if (actor.ownerOrganizationId() != null) {
                // A draft that was never sent is the clinic's proposal: its organization does not see it.
                scope.add("(ownerOrganizationId = :owner and requestedAt is not null)");
                params.put("owner", actor.ownerOrganizationId());
            }
            if (actor.requesterOrganizationId() != null) {
                scope.add("requesterOrganizationId = :requester");
                params.put("requester", actor.requesterOrganizationId());
            }
            if (scope.isEmpty()) {
                return Uni.createFrom().item(Page.of(List.of(), page, 0));
            }
            where.add("(" + String.join(" or ", scope) + ")");
        }
        if (!criteria.statuses().isEmpty()) {
            where.add("status in :statuses");
            params.put("statuses", criteria.statuses());
        }
        if (criteria.needId() != null) {
            where.add("needId = :needId");
            params.put("needId", criteria.needId());
        }
        if (criteria.screeningId() != null) {
            where.add("screeningId = :screeningId");
            params.put("screeningId", criteria.screeningId());
        }
        String query = String.join(" and ", where);
        // id breaks ties between referrals created in the same instant, so pages never overlap.
        Sort newestFirst = Sort.descending("createdAt", "id");
        var found = where.isEmpty() ? findAll(newestFirst) : find(query, newestFirst, params);
        return found.page(page.page, page.size).list().chain(items -> found.count()
                .map(total -> Page.of(items, page, total)));
    }
}
