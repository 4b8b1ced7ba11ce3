package org.careloop.directory.catalog.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.directory.catalog.Organization;
import org.careloop.directory.catalog.OrganizationListing;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.ServiceListing;
import org.careloop.directory.catalog.repository.OrganizationRepository;
import org.careloop.directory.catalog.repository.ServiceCapacityRepository;
import org.careloop.directory.catalog.repository.ServiceCategoryRepository;
import org.careloop.directory.catalog.repository.ServiceRepository;
import org.careloop.directory.responsiveness.ResponsivenessStats;
import org.careloop.directory.responsiveness.repository.ResponsivenessRepository;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.rest.Page;
import org.careloop.platform.rest.PageRequest;

/** Reads the directory: organizations and services with their categories, capacity and responsiveness. */
@ApplicationScoped
public class CatalogService {

    private final OrganizationRepository organizations;
    private final ServiceRepository services;
    private final ServiceCategoryRepository categories;
    private final ServiceCapacityRepository capacities;
    private final ResponsivenessRepository responsiveness;

    public CatalogService(
            OrganizationRepository organizations,
            ServiceRepository services,
            ServiceCategoryRepository categories,
            ServiceCapacityRepository capacities,
            ResponsivenessRepository responsiveness) {
        this.organizations = organizations;
        this.services = services;
        this.categories = categories;
        this.capacities = capacities;
        this.responsiveness = responsiveness;
    }

    @WithSession
    public Uni<Page<Organization>> findOrganizations(PageRequest page) {
        return organizations
                .findPage(page)
                .chain(items -> organizations.count().map(total -> Page.of(items, page, total)));
    }

    @WithSession
    public Uni<OrganizationListing> findOrganization(String id) {
        return organizations
                .findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Organization", id))
                .chain(organization -> services.findByOrganization(id)
                        .chain(this::listings)
                        .map(listed -> new OrganizationListing(organization, listed)));
    }

    @WithSession
    public Uni<Page<ServiceListing>> findServices(String category, String organizationId, PageRequest page) {
        return services.findPage(category, organizationId, page).chain(found -> listings(found.items())
                .map(listed -> new Page<>(listed, found.page(), found.size(), found.totalItems(), found.totalPages())));
    }

    @WithSession
    public Uni<ServiceListing> findService(String id) {
        return services.findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Service", id))
                .chain(service -> listings(List.of(service)).map(List::getFirst));
    }

    /**
     * Adds categories, capacity and responsiveness to services with a fixed number of queries, whatever the number of
     * services.
     */
    private Uni<List<ServiceListing>> listings(List<Service> found) {
        List<String> ids = found.stream().map(s -> s.id).toList();
        return categories.findByServiceIds(ids).chain(cats -> capacities
                .findByServiceIds(ids)
                .chain(caps -> responsiveness.findStats(ids).map(stats -> {
                    Map<String, List<String>> categoriesById = cats.stream()
                            .collect(Collectors.groupingBy(
                                    c -> c.serviceId, Collectors.mapping(c -> c.category, Collectors.toList())));
                    Map<String, ServiceCapacity> capacityById =
                            caps.stream().collect(Collectors.toMap(c -> c.serviceId, Function.identity()));
                    return found.stream()
                            .map(s -> new ServiceListing(
                                    s,
                                    categoriesById.getOrDefault(s.id, List.of()).stream()
                                            .sorted()
                                            .toList(),
                                    capacityById.get(s.id),
                                    stats.getOrDefault(s.id, ResponsivenessStats.NONE)))
                            .toList();
                })));
    }
}
