package org.careloop.referral.settings.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.careloop.referral.lifecycle.service.ReferralWriter;
import org.careloop.referral.settings.RoutingMode;
import org.careloop.referral.settings.RoutingSetting;
import org.careloop.referral.settings.repository.RoutingSettingRepository;

/** The clinics' routing settings: per SDOHCC category, referrals sent automatically or proposed for review. */
@ApplicationScoped
public class RoutingSettingsService {

    private final RoutingSettingRepository settings;

    public RoutingSettingsService(RoutingSettingRepository settings) {
        this.settings = settings;
    }

    /** The settings a clinic made (categories without one are {@code auto}). */
    @WithSession
    public Uni<List<RoutingSetting>> of(String organizationId) {
        return settings.findByOrganization(organizationId);
    }

    /**
     * Replaces a clinic's settings with {@code modes} (category to mode, already validated): categories left out are
     * {@code auto} again. Applies to needs routed from now on.
     */
    @WithTransaction
    public Uni<List<RoutingSetting>> replace(String organizationId, Map<String, RoutingMode> modes, String by) {
        Instant now = ReferralWriter.now();
        List<RoutingSetting> rows = new ArrayList<>();
        modes.forEach((category, mode) -> rows.add(RoutingSetting.of(organizationId, category, mode, now, by)));
        return settings.deleteByOrganization(organizationId)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : settings.persist(rows))
                .chain(settings::flush)
                .invoke(() -> Log.infof("Routing settings of %s set by %s: %s", organizationId, by, modes))
                .replaceWith(rows);
    }
}
