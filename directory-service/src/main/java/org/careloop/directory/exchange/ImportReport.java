package org.careloop.directory.exchange;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * What an HSDS import did.
 *
 * @param counts per object type (plural name): created, updated, unchanged and deleted
 * @param moved services that changed organization (only with {@code allow_moves=true})
 * @param servicesTouched how many services changed (content or child objects): their {@code last_modified} moved
 * @param touchedServiceIds the first 1,000 of them, by id
 * @param capacityChanged services whose availability was published as {@code capacity-changed}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportReport(
        Map<String, Counts> counts,
        List<Move> moved,
        int servicesTouched,
        List<String> touchedServiceIds,
        int capacityChanged) {

    /**
     * Counts of one object type.
     *
     * @param created new objects
     * @param updated objects whose content changed
     * @param unchanged objects listed again as they were
     * @param deleted child objects of listed objects that the import no longer lists
     */
    public record Counts(int created, int updated, int unchanged, int deleted) {}

    /**
     * A service given to another organization.
     *
     * @param serviceId the service
     * @param currentOrganizationId its organization before the import
     * @param newOrganizationId its organization in the import
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Move(String serviceId, String currentOrganizationId, String newOrganizationId) {}
}
