package org.careloop.directory.catalog.rest;

import java.util.List;
import java.util.Objects;
import org.careloop.directory.catalog.CapacityChange;
import org.careloop.directory.catalog.Organization;
import org.careloop.directory.catalog.OrganizationListing;
import org.careloop.directory.catalog.Service;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.ServiceListing;
import org.careloop.directory.catalog.ServiceStatus;
import org.careloop.directory.responsiveness.ResponsivenessStats;

/** Maps the HSDS-shaped API model to the directory's domain and back. */
final class CatalogMapper {

    private CatalogMapper() {}

    static List<OrganizationListing> toListings(ImportBundle bundle) {
        return bundle.organizations().stream().map(CatalogMapper::toListing).toList();
    }

    private static OrganizationListing toListing(ImportBundle.OrganizationImport org) {
        Organization organization =
                new Organization(org.id(), org.name(), org.description(), org.email(), org.website());
        List<ServiceListing> services = org.services() == null
                ? List.of()
                : org.services().stream().map(s -> toListing(org.id(), s)).toList();
        return new OrganizationListing(organization, services);
    }

    private static ServiceListing toListing(String organizationId, ImportBundle.ServiceImport in) {
        Service service = new Service();
        service.id = in.id();
        service.organizationId = organizationId;
        service.name = in.name();
        service.description = in.description();
        service.status = ServiceStatus.fromCode(in.status());
        service.eligibilityDescription = in.eligibilityDescription();
        service.minimumAge = in.minimumAge();
        service.maximumAge = in.maximumAge();
        service.assuredDate = in.assuredDate();
        service.doc = service.documentOf();
        List<String> categories = in.categories() == null
                ? List.of()
                : in.categories().stream()
                        .filter(Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList();
        ServiceCapacity capacity = in.capacity() == null
                ? null
                : new ServiceCapacity(
                        in.id(),
                        in.capacity().unit(),
                        in.capacity().available(),
                        in.capacity().maximum());
        return new ServiceListing(service, categories, capacity);
    }

    static CapacityChange toChange(CapacityUpdate update) {
        return new CapacityChange(update.available(), update.maximum(), update.unit());
    }

    static OrganizationSummary toSummary(Organization o) {
        return new OrganizationSummary(o.id, o.name, o.description, o.email, o.website, o.lastModified);
    }

    static OrganizationView toView(OrganizationListing listing) {
        Organization o = listing.organization();
        return new OrganizationView(
                o.id,
                o.name,
                o.description,
                o.email,
                o.website,
                o.lastModified,
                listing.services().stream().map(CatalogMapper::toView).toList());
    }

    static ServiceView toView(ServiceListing listing) {
        Service s = listing.service();
        return new ServiceView(
                s.id,
                s.organizationId,
                s.name,
                s.description,
                s.status.code(),
                listing.categories(),
                s.eligibilityDescription,
                s.minimumAge,
                s.maximumAge,
                s.assuredDate,
                s.lastModified,
                toView(listing.capacity()),
                toView(listing.responsiveness()));
    }

    static CapacityView toView(ServiceCapacity c) {
        return c == null
                ? null
                : new CapacityView(c.unit, c.available(), c.maximum, c.updated, c.held, c.reportedAvailable);
    }

    static ResponsivenessView toView(ResponsivenessStats r) {
        return new ResponsivenessView(
                r.offered(),
                r.accepted(),
                r.rejected(),
                r.recalled(),
                fourDecimals(r.acceptanceRate()),
                r.medianHoursToAcknowledge() == null ? null : fourDecimals(r.medianHoursToAcknowledge()),
                r.acknowledgementSamples());
    }

    /** Rates and hours are shown with four decimals, as the matches show scores. */
    private static double fourDecimals(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
