package org.careloop.directory.exchange.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.directory.availability.service.AvailabilityPublisher;
import org.careloop.directory.exchange.repository.NeedMappingRepository;
import org.careloop.directory.exchange.rest.NeedMappingView;
import org.careloop.platform.problem.ProblemException;

/**
 * Operators' mapping of other taxonomies' terms to need categories. Every change recomputes, in its transaction, the
 * categories of the services tagged with terms of the mapping's taxonomy, and publishes {@code capacity-changed}
 * (cause import, as an import that changes a service's categories does) for those whose categories changed.
 */
@ApplicationScoped
public class NeedMappingService {

    private final NeedMappingRepository repository;
    private final AvailabilityPublisher publisher;

    public NeedMappingService(NeedMappingRepository repository, AvailabilityPublisher publisher) {
        this.repository = repository;
        this.publisher = publisher;
    }

    @WithTransaction
    public Uni<List<NeedMappingView>> list() {
        return repository.list();
    }

    @WithTransaction
    public Uni<NeedMappingView> create(String taxonomy, String term, boolean prefix, String category) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return repository
                .insert(id, taxonomy, term, prefix, category, now)
                .invoke(inserted -> {
                    if (!inserted) {
                        throw ProblemException.conflict(
                                "duplicate", "term", "This mapping exists already: " + taxonomy + " / " + term);
                    }
                })
                .chain(() -> recompute(taxonomy, now))
                .chain(recomputed -> repository.find(id).map(view -> withCount(view, recomputed)));
    }

    @WithTransaction
    public Uni<NeedMappingView> delete(UUID id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return repository
                .find(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Need mapping", id))
                .call(view -> repository.delete(id))
                .chain(view -> recompute(view.taxonomy(), now).map(recomputed -> withCount(view, recomputed)));
    }

    private Uni<Integer> recompute(String taxonomy, Instant now) {
        return repository.lockServicesOf(taxonomy).chain(services -> {
            if (services.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return repository.categories(services).chain(before -> repository
                    .refresh(services)
                    .chain(() -> repository.categories(services))
                    .chain(after -> {
                        Set<String> unchanged = new HashSet<>(before);
                        List<String> changed = new ArrayList<>();
                        for (String line : after) {
                            if (!unchanged.contains(line)) {
                                changed.add(line.substring(0, line.indexOf('=')));
                            }
                        }
                        Log.infof(
                                "Need mapping of %s: categories of %d services recomputed, %d changed",
                                taxonomy, services.size(), changed.size());
                        return publisher
                                .publish(changed, CapacityCauses.IMPORT, now)
                                .replaceWith(services.size());
                    }));
        });
    }

    private static NeedMappingView withCount(NeedMappingView view, int recomputed) {
        return new NeedMappingView(
                view.id(), view.taxonomy(), view.term(), view.prefix(), view.category(), view.createdAt(), recomputed);
    }
}
