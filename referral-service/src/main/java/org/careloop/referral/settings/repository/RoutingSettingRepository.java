package org.careloop.referral.settings.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.careloop.referral.settings.RoutingMode;
import org.careloop.referral.settings.RoutingSetting;

/** Queries over the clinics' routing settings. */
@ApplicationScoped
@WithSession
public class RoutingSettingRepository implements PanacheRepositoryBase<RoutingSetting, RoutingSetting.Key> {

    /** The settings a clinic made, by category. */
    public Uni<List<RoutingSetting>> findByOrganization(String organizationId) {
        return list("organizationId", Sort.ascending("category"), organizationId);
    }

    /** The clinic's mode for a category: {@code auto} unless it chose otherwise. */
    public Uni<RoutingMode> modeOf(String organizationId, String category) {
        return findById(new RoutingSetting.Key(organizationId, category))
                .map(found -> found == null ? RoutingMode.AUTO : found.mode());
    }

    /** Removes every setting of a clinic. */
    public Uni<Long> deleteByOrganization(String organizationId) {
        return delete("organizationId", organizationId);
    }
}
