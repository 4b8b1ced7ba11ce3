package org.careloop.notification.delivery.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.notification.delivery.DeliveryAttempt;

/** The attempts of deliveries. */
@ApplicationScoped
@WithSession
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, DeliveryAttempt.Key> {

    public Uni<List<DeliveryAttempt>> of(UUID deliveryId) {
        return list("deliveryId", Sort.ascending("attempt"), deliveryId);
    }
}
