package org.careloop.directory.responsiveness.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.directory.config.DirectoryConfig;
import org.careloop.directory.holds.CapacityHold;
import org.careloop.directory.responsiveness.AcknowledgementSample;
import org.careloop.directory.responsiveness.ResponseKind;
import org.careloop.directory.responsiveness.Responsiveness;
import org.careloop.directory.responsiveness.ServiceResponsiveness;
import org.careloop.directory.responsiveness.repository.AcknowledgementSampleRepository;
import org.careloop.directory.responsiveness.repository.ResponsivenessRepository;
import org.careloop.platform.inbox.AfterCommit;

/**
 * Learns from referral events how each service's organization responds: referrals offered, the first response to each
 * (counted once, on the referral's hold), and the time it took. Runs in the transaction that applies the event, with
 * the service locked.
 */
@ApplicationScoped
public class ResponsivenessService {

    /** Counter of first responses learned, tagged {@code response}. */
    public static final String METRIC = "careloop.responses";

    private final ResponsivenessRepository stats;
    private final AcknowledgementSampleRepository samples;
    private final DirectoryConfig config;
    private final MeterRegistry meters;

    public ResponsivenessService(
            ResponsivenessRepository stats,
            AcknowledgementSampleRepository samples,
            DirectoryConfig config,
            MeterRegistry meters) {
        this.stats = stats;
        this.samples = samples;
        this.config = config;
        this.meters = meters;
    }

    /**
     * Records what an applied (not stale) event says about the organization's responsiveness.
     *
     * @param hold the referral's hold, which remembers whether it was offered and answered already
     * @param previousStatus the referral status applied before this event, if known
     */
    public Uni<Void> learn(ReferralUpdated event, CapacityHold hold, String previousStatus, Instant now) {
        boolean offered = false;
        if (ReferralStatusCodes.REQUESTED.equals(event.status()) && !hold.offered) {
            hold.offered = true;
            hold.requestedAt = event.requestedAt() != null ? event.requestedAt() : event.updatedAt();
            offered = true;
        }
        String before = event.previousStatus() != null ? event.previousStatus() : previousStatus;
        Optional<ResponseKind> response = hold.response != null
                ? Optional.empty()
                : Responsiveness.classify(before, event.status(), event.statusReasonCode(), event.changedByRole());
        if (response.isPresent()) {
            hold.response = response.get();
            if (!hold.offered) {
                hold.offered = true;
                offered = true;
            }
        }
        if (!offered && response.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        boolean countOffer = offered;
        return stats.findById(hold.serviceId)
                .chain(found -> {
                    ServiceResponsiveness row = found != null ? found : new ServiceResponsiveness(hold.serviceId);
                    if (countOffer) {
                        row.offered++;
                    }
                    response.ifPresent(row::count);
                    row.updatedAt = now;
                    return found != null ? Uni.createFrom().voidItem() : stats.persist(row);
                })
                .chain(() -> response.map(kind -> sample(event, hold, kind))
                        .orElse(Uni.createFrom().voidItem()))
                .invoke(() -> response.ifPresent(kind -> {
                    Log.infof(
                            "Service %s: referral %s first answered %s (%s by %s)",
                            hold.serviceId, event.referralId(), kind, event.status(), event.changedByRole());
                    AfterCommit.run(
                            () -> meters.counter(METRIC, "response", kind.name().toLowerCase(Locale.ROOT))
                                    .increment());
                }));
    }

    /** Keeps the time to acknowledge of an acknowledgement, and only the most recent samples of the service. */
    private Uni<Void> sample(ReferralUpdated event, CapacityHold hold, ResponseKind kind) {
        Instant requestedAt = event.requestedAt() != null ? event.requestedAt() : hold.requestedAt;
        if (!Responsiveness.acknowledges(kind) || requestedAt == null) {
            return Uni.createFrom().voidItem();
        }
        long seconds =
                Math.max(0, Duration.between(requestedAt, event.updatedAt()).toSeconds());
        return samples.findById(event.referralId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            return samples.persist(
                            new AcknowledgementSample(event.referralId(), hold.serviceId, event.updatedAt(), seconds))
                    .chain(samples::flush)
                    .chain(() -> samples.deleteBeyond(
                            hold.serviceId, config.responsiveness().sampleWindow()))
                    .replaceWithVoid();
        });
    }
}
