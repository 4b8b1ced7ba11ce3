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
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.directory.availability.Availability;
import org.careloop.directory.availability.service.AvailabilityPublisher;
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
import org.careloop.directory.holds.repository.HoldRepository;
import org.careloop.platform.problem.ProblemException;

/**
 * Imports an HSDS-shaped bundle: upserts organizations and services by id and replaces the categories and capacity
 * of every listed service, all in one transaction. Re-importing the same bundle changes nothing, not even
 * {@code last_modified} or {@code updated}, so the timestamps keep meaning "the content changed". A capacity whose
 * reported figures differ from the last ones reported is a new report: its baseline counts the places held now on top.
 * Every service whose availability changed (new, status, organization, categories or capacity) is published as
 * {@code capacity-changed}; the listed services are locked first, in id order, against concurrent holds.
 */
@ApplicationScoped
public class ImportService {

    private final OrganizationRepository organizations;
    private final ServiceRepository services;
    private final ServiceCategoryRepository categories;
    private final ServiceCapacityRepository capacities;
    private final HoldRepository holds;
    private final AvailabilityPublisher publisher;

    public ImportService(
            OrganizationRepository organizations,
            ServiceRepository services,
            ServiceCategoryRepository categories,
            ServiceCapacityRepository capacities,
            HoldRepository holds,
            AvailabilityPublisher publisher) {
        this.organizations = organizations;
        this.services = services;
        this.categories = categories;
        this.capacities = capacities;
        this.holds = holds;
        this.publisher = publisher;
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
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // HSDS last_modified has ms precision
        Set<String> changed = new TreeSet<>();
        // Sequential reads: a reactive session must not run two queries at once. The services are locked before
        // their capacity is read, so the places held cannot move under the import.
        return organizations
                .findByIds(organizationIds)
                .chain(orgs -> services.lockByIds(serviceIds)
                        .chain(svcs -> categories.findByServiceIds(serviceIds).chain(cats -> capacities
                                .findByServiceIds(serviceIds)
                                .map(caps -> new Existing(orgs, svcs, cats, caps)))))
                .chain(existing -> sequentially(writes(listings, existing, now, changed)))
                .call(organizations::flush)
                .call(() -> publisher.publish(changed, CapacityCauses.IMPORT, now))
                .onFailure(ImportService::isConstraintViolation)
                .transform(failure -> ProblemException.conflict(
                        "concurrent-update", "The directory changed during the import; retry the import"))
                .invoke(() -> Log.infof(
                        "Imported %d organizations and %d services; availability of %d changed",
                        organizationIds.size(), serviceIds.size(), changed.size()))
                .replaceWith(new ImportResult(organizationIds.size(), serviceIds.size()));
    }

    /** What the database holds for the listed ids before the import. */
    private record Existing(
            List<Organization> organizations,
            List<Service> services,
            List<ServiceCategory> categories,
            List<ServiceCapacity> capacities) {}

    private List<Supplier<Uni<?>>> writes(
            List<OrganizationListing> listings, Existing existing, Instant now, Set<String> changed) {
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
                writes.addAll(upsertService(service, svcs.get(id), cats.getOrDefault(id, List.of()), now, changed));
                writes.addAll(replaceCapacity(id, service.capacity(), caps.get(id), now, changed));
            }
        }
        return writes;
    }

    private List<Supplier<Uni<?>>> upsertService(
            ServiceListing listing,
            Service current,
            List<ServiceCategory> currentCategories,
            Instant now,
            Set<String> changed) {
        Service incoming = listing.service();
        Set<String> wanted = new HashSet<>(listing.categories());
        Set<String> present = currentCategories.stream().map(c -> c.category).collect(Collectors.toSet());
        List<Supplier<Uni<?>>> writes = new ArrayList<>();
        if (current == null) {
            incoming.lastModified = now;
            writes.add(() -> services.persist(incoming));
            changed.add(incoming.id);
        } else if (!current.sameContentAs(incoming) || !wanted.equals(present)) {
            // What capacity-changed carries: status, organization and categories; a new description is not news there.
            if (current.status != incoming.status
                    || !current.organizationId.equals(incoming.organizationId)
                    || !wanted.equals(present)) {
                changed.add(current.id);
            }
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
            String serviceId, ServiceCapacity incoming, ServiceCapacity current, Instant now, Set<String> changed) {
        if (incoming == null) {
            if (current == null) {
                return List.of();
            }
            changed.add(serviceId);
            return List.of(() -> capacities.delete(current));
        }
        if (current == null) {
            changed.add(serviceId);
            incoming.id = UUID.randomUUID();
            incoming.serviceId = serviceId;
            incoming.updated = now;
            // Places may already be held: referrals can reach a service before it publishes capacity.
            return List.of(() -> holds.countOpen(serviceId).chain(open -> {
                incoming.held = open.intValue();
                incoming.baseline = Availability.baseline(incoming.reportedAvailable, incoming.held);
                return capacities.persist(incoming);
            }));
        }
        if (!current.sameReportAs(incoming)) {
            changed.add(serviceId);
            current.report(incoming.unit, incoming.reportedAvailable, incoming.maximum, now);
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
