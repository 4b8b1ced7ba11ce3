package org.careloop.directory.catalog.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.careloop.directory.catalog.ImportResult;
import org.careloop.directory.catalog.Organization;
import org.careloop.directory.catalog.OrganizationListing;
import org.careloop.directory.catalog.ServiceCapacity;
import org.careloop.directory.catalog.ServiceListing;
import org.careloop.directory.exchange.HsdsKind;
import org.careloop.directory.exchange.StagedRecord;
import org.careloop.directory.exchange.service.HsdsImportService;
import org.careloop.directory.exchange.service.Uuids;
import org.careloop.platform.problem.ProblemException;

/**
 * Imports a v1 bundle through the HSDS import: organizations and services become their HSDS documents, categories
 * become attributes on terms of the CareLoop taxonomy (ids as migration V3 computes them), capacity an HSDS
 * service_capacity. Upserts by id in one transaction; re-importing the same bundle changes nothing, not even
 * {@code last_modified} or {@code updated}; a capacity whose figures differ from the last ones reported is a new report;
 * a service listed under another organization is a 409 unless moves are allowed. A listed service loses the categories
 * and capacity the bundle no longer gives it, and keeps its other HSDS objects.
 */
@ApplicationScoped
public class ImportService {

    private final HsdsImportService hsds;
    private final ObjectMapper mapper = new ObjectMapper();

    public ImportService(HsdsImportService hsds) {
        this.hsds = hsds;
    }

    public Uni<ImportResult> importListings(List<OrganizationListing> listings) {
        return importListings(listings, false);
    }

    public Uni<ImportResult> importListings(List<OrganizationListing> listings, boolean allowMoves) {
        ProblemException duplicate = findDuplicateId(listings);
        if (duplicate != null) {
            return Uni.createFrom().failure(duplicate);
        }
        List<StagedRecord> records = new ArrayList<>();
        int services = 0;
        for (int i = 0; i < listings.size(); i++) {
            OrganizationListing listing = listings.get(i);
            Organization organization = listing.organization();
            String orgPath = "organizations[" + i + "]";
            records.add(
                    record(HsdsKind.ORGANIZATION, organization.id, organizationDoc(organization), Map.of(), orgPath));
            for (int j = 0; j < listing.services().size(); j++) {
                services++;
                addService(records, listing.services().get(j), orgPath + ".services[" + j + "]");
            }
        }
        int count = services;
        return hsds.importRecords(records, allowMoves).map(report -> new ImportResult(listings.size(), count));
    }

    private void addService(List<StagedRecord> records, ServiceListing listing, String path) {
        var service = listing.service();
        records.add(record(
                HsdsKind.SERVICE,
                service.id,
                mapper.valueToTree(service.documentOf()),
                Map.of("organization_id", service.organizationId),
                path));
        for (String category : new TreeSet<>(listing.categories())) {
            String id = Uuids.needAttribute(service.id, category);
            ObjectNode doc = mapper.createObjectNode()
                    .put("id", id)
                    .put("link_id", service.id)
                    .put("link_type", "need_category")
                    .put("link_entity", "service")
                    .put("taxonomy_term_id", Uuids.needTerm(category));
            records.add(record(
                    HsdsKind.ATTRIBUTE,
                    id,
                    doc,
                    Map.of(
                            "link_id",
                            service.id,
                            "link_entity",
                            "service",
                            "taxonomy_term_id",
                            Uuids.needTerm(category)),
                    path + ".categories"));
        }
        ServiceCapacity capacity = listing.capacity();
        if (capacity != null) {
            String unitId = Uuids.unit(capacity.unit);
            records.add(record(
                    HsdsKind.UNIT,
                    unitId,
                    mapper.createObjectNode().put("id", unitId).put("name", capacity.unit),
                    Map.of(),
                    path + ".capacity.unit"));
            String id = Uuids.v5("https://careloop.org/capacities/" + service.id);
            ObjectNode doc = mapper.createObjectNode().put("id", id).put("available", capacity.reportedAvailable);
            if (capacity.maximum != null) {
                doc.put("maximum", capacity.maximum);
            }
            records.add(record(
                    HsdsKind.SERVICE_CAPACITY,
                    id,
                    doc,
                    Map.of("service_id", service.id, "unit_id", unitId),
                    path + ".capacity"));
        }
    }

    private ObjectNode organizationDoc(Organization organization) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", organization.id);
        doc.put("name", organization.name);
        doc.put("description", organization.description);
        if (organization.email != null) {
            doc.put("email", organization.email);
        }
        if (organization.website != null) {
            doc.put("website", organization.website);
        }
        return mapper.valueToTree(doc);
    }

    private static StagedRecord record(
            HsdsKind kind, String id, ObjectNode doc, Map<String, String> links, String path) {
        return new StagedRecord(kind, id, doc, links, path);
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
}
