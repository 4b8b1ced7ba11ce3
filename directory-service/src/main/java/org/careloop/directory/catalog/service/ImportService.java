package org.careloop.directory.catalog.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.careloop.directory.catalog.ImportResult;
import org.careloop.directory.catalog.Organization;
import org.careloop.directory.catalog.OrganizationListing;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.ServiceCategory;
import org.careloop.directory.catalog.ServiceListing;
import org.careloop.directory.catalog.repository.OrganizationRepository;
import org.careloop.directory.catalog.repository.ServiceCapacityRepository;
import org.careloop.directory.catalog.repository.ServiceCategoryRepository;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.platform.problem.ProblemException;

/**
 * Imports an HSDS-shaped bundle: upserts organizations and services by id and replaces the categories and capacity
 * of every listed service, all in one transaction. Re-importing the same bundle changes nothing, not even
 * {@code last_modified}, so the timestamps keep meaning "the content changed".
 */
@ApplicationScoped
public class ImportService {

    private final OrganizationRepository organizations;
    private final ServiceRepository services;
    private final ServiceCategoryRepository categories;
    private final ServiceCapacityRepository capacities;

    public ImportService(
            OrganizationRepository organizations,
            ServiceRepository services,
            ServiceCategoryRepository categories,
            ServiceCapacityRepository capacities) {
        this.organizations = organizations;
        this.services = services;
        this.categories = categories;
        this.capacities = capacities;
    }

    @WithTransaction
    public Uni<ImportResult> importListings(List<OrganizationListing> listings) {
        ProblemException duplicate = findDuplicateId(listings);
        if (duplicate != null) {
            return Uni.createFrom().failure(duplicate);
        }
        List<String> organizationIds =
                listings.stream().map(l -> l.organization().id).toList();
        List<ServiceListing> listed =
                listings.stream().flatMap(l -> l.services().stream()).toList();
        List<String> serviceIds = listed.stream().map(l -> l.service().id).toList();
        // Sequential reads: a reactive session must not run two queries at once.
        return organizations
                .findByIds(organizationIds)
                .chain(orgs -> services.findByIds(serviceIds)
                        .chain(svcs -> categories.findByServiceIds(serviceIds).chain(cats -> capacities
                                .findByServiceIds(serviceIds)
                                .map(caps -> new Existing(orgs, svcs, cats, caps)))))
                .chain(existing -> sequentially(writes(listings, existing)))
                .call(organizations::flush)
                .onFailure(ImportService::isConstraintViolation)
                .transform(failure -> ProblemException.conflict(
                        "concurrent-update", "The directory changed during the import; retry the import"))
                .invoke(() -> Log.infof(
                        "Imported %d organizations and %d services", organizationIds.size(), serviceIds.size()))
                .replaceWith(new ImportResult(organizationIds.size(), serviceIds.size()));
    }

    /** What the database holds for the listed ids before the import. */
    private record Existing(
            List<Organization> organizations,
            List<Service> services,
            List<ServiceCategory> categories,
            List<ServiceCapacity> capacities) {}

    private List<Supplier<Uni<?>>> writes(List<OrganizationListing> listings, Existing existing) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // HSDS last_modified has ms precision
        Map<String, Organization> orgs = byId(existing.organizations(), o -> o.id);
        Map<String, Service> svcs = byId(existing.services(), s -> s.id);
        Map<String, ServiceCapacity> caps = byId(existing.capacities(), c -> c.serviceId);
        Map<String, List<ServiceCategory>> cats =
                existing.categories().stream().collect(Collectors.groupingBy(c -> c.serviceId));

        // Organizations first, so the services' foreign keys are satisfied when Hibernate flushes in this order.
        List<Supplier<Uni<?>>> writes = new ArrayList<>();
        for (OrganizationListing listing : listings) {
            Organization incoming = listing.organization();
            Organization current = orgs.get(incoming.id);
            if (current == null) {
                incoming.lastModified = now;
                writes.add(() -> organizations.persist(incoming));
            } else if (!current.sameContentAs(incoming)) {
                current.copyContentFrom(incoming);
                current.lastModified = now;
            }
        }
        for (OrganizationListing listing : listings) {
            for (ServiceListing service : listing.services()) {
                String id = service.service().id;
                writes.addAll(upsertService(service, svcs.get(id), cats.getOrDefault(id, List.of()), now));
                writes.addAll(replaceCapacity(id, service.capacity(), caps.get(id), now));
            }
        }
        return writes;
    }

    private List<Supplier<Uni<?>>> upsertService(
            ServiceListing listing, Service current, List<ServiceCategory> currentCategories, Instant now) {
        Service incoming = listing.service();
        Set<String> wanted = new HashSet<>(listing.categories());
        Set<String> present = currentCategories.stream().map(c -> c.category).collect(Collectors.toSet());
        List<Supplier<Uni<?>>> writes = new ArrayList<>();
        if (current == null) {
            incoming.lastModified = now;
            writes.add(() -> services.persist(incoming));
        } else if (!current.sameContentAs(incoming) || !wanted.equals(present)) {
            current.copyContentFrom(incoming);
            current.lastModified = now;
        }
        // Only the difference is written: deleting and re-inserting the same key would clash at flush, where
        // Hibernate runs inserts before deletes.
        for (ServiceCategory category : currentCategories) {
            if (!wanted.contains(category.category)) {
                writes.add(() -> categories.delete(category));
            }
        }
        wanted.stream()
                .filter(c -> !present.contains(c))
                .sorted()
                .forEach(c -> writes.add(() -> categories.persist(new ServiceCategory(incoming.id, c))));
        return writes;
    }

    private List<Supplier<Uni<?>>> replaceCapacity(
            String serviceId, ServiceCapacity incoming, ServiceCapacity current, Instant now) {
        if (incoming == null) {
            return current == null ? List.of() : List.of(() -> capacities.delete(current));
        }
        if (current == null) {
            incoming.id = UUID.randomUUID();
            incoming.serviceId = serviceId;
            incoming.updated = now;
            return List.of(() -> capacities.persist(incoming));
        }
        if (!current.sameContentAs(incoming)) {
            current.copyContentFrom(incoming);
            current.updated = now;
        }
        return List.of();
    }

    /** A bundle that lists one id twice is ambiguous: which version should win? Reject it with the second path. */
    static ProblemException findDuplicateId(List<OrganizationListing> listings) {
        Set<String> organizationIds = new HashSet<>();
        Set<String> serviceIds = new HashSet<>();
        for (int i = 0; i < listings.size(); i++) {
            OrganizationListing listing = listings.get(i);
            if (!organizationIds.add(listing.organization().id)) {
                return ProblemException.badRequest(
                        "organizations[" + i + "].id", "duplicate id " + listing.organization().id);
            }
            for (int j = 0; j < listing.services().size(); j++) {
                String id = listing.services().get(j).service().id;
                if (!serviceIds.add(id)) {
                    return ProblemException.badRequest(
                            "organizations[" + i + "].services[" + j + "].id", "duplicate id " + id);
                }
            }
        }
        return null;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new HashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    /** Runs the writes one after the other (a reactive session is not concurrent) without deep operator chains. */
    private static Uni<Void> sequentially(List<Supplier<Uni<?>>> steps) {
        return Multi.createFrom()
                .iterable(steps)
                .onItem()
                .transformToUniAndConcatenate(Supplier::get)
                .collect()
                .last()
                .replaceWithVoid();
    }

    private static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
