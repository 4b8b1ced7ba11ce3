package org.careloop.referral.directory.service;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.referral.directory.KnownService;
import org.careloop.referral.directory.repository.KnownServiceRepository;

/** Keeps the replica of the directory's services: the newest {@code capacity-changed} version of each service wins. */
@ApplicationScoped
public class KnownServiceService {

    private final KnownServiceRepository services;

    public KnownServiceService(KnownServiceRepository services) {
        this.services = services;
    }

    /** Applies one event; joins the consumer's transaction. Older versions than the one known change nothing. */
    public Uni<Void> apply(CapacityChanged event) {
        return services.findById(event.serviceId()).chain(known -> {
            if (known == null) {
                return services.persist(KnownService.of(event)).replaceWithVoid();
            }
            if (!known.apply(event)) {
                Log.debugf(
                        "Service %s: capacity-changed version %d is not newer than %d, ignored",
                        event.serviceId(), event.version(), known.version());
            }
            return Uni.createFrom().voidItem();
        });
    }
}
