package org.careloop.referral.consent.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.referral.consent.config.ConsentConfig;
import org.careloop.referral.consent.repository.ConsentDecisionRepository;
import org.careloop.referral.lifecycle.service.ReferralService;

/**
 * Consent that runs out is enforced on time even if the screening service's {@code expired} event comes late or not
 * at all: every {@code careloop.referral.consent.expiry-interval}, the active decisions whose {@code validUntil} has
 * passed end the person's open referrals, one decision per transaction (under the person's lock, so several instances
 * may run it side by side).
 */
@ApplicationScoped
public class ConsentExpiry {

    private final ConsentDecisionRepository decisions;
    private final ConsentService consent;
    private final ConsentConfig config;

    public ConsentExpiry(ConsentDecisionRepository decisions, ConsentService consent, ConsentConfig config) {
        this.decisions = decisions;
        this.consent = consent;
        this.config = config;
    }

    @Scheduled(
            identity = "careloop-referral-consent-expiry",
            every = "${careloop.referral.consent.expiry-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return enforceDue(Instant.now())
                .onFailure()
                .invoke(failure -> Log.warnf(failure, "Consent expiry round failed; it runs again shortly"))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Enforces one batch of ended decisions; returns how many were enforced. */
    public Uni<Integer> enforceDue(Instant now) {
        return Panache.withSession(() -> decisions.findEndsDue(now, config.expiryBatchSize()))
                .chain(this::enforceEach);
    }

    private Uni<Integer> enforceEach(List<UUID> due) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (UUID consentId : due) {
            chain = chain.chain(
                    done -> Panache.withTransaction(() -> consent.enforceEnd(consentId, ReferralService.CARELOOP))
                            .map(enforced -> enforced ? done + 1 : done));
        }
        return chain;
    }
}
