package org.careloop.referral.directory.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.referral.directory.KnownService;

/** Queries over the replica of the directory's services. */
@ApplicationScoped
@WithSession
public class KnownServiceRepository implements PanacheRepositoryBase<KnownService, String> {

    /** The known services among these ids, by id. */
    public Uni<Map<String, KnownService>> findByIds(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("serviceId in ?1", List.copyOf(serviceIds))
                .map(found -> found.stream().collect(Collectors.toMap(KnownService::serviceId, Function.identity())));
    }

    /** The ids of the services these organizations run. */
    public Uni<List<String>> serviceIdsOf(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("organizationId in ?1", List.copyOf(organizationIds))
                .project(ServiceId.class)
                .list()
                .map(ids -> ids.stream().map(ServiceId::serviceId).toList());
    }

    /** Projection of a service's id. */
    public record ServiceId(String serviceId) {}
}
