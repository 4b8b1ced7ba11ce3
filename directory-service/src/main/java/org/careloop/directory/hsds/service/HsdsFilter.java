package org.careloop.directory.hsds.service;

import java.time.Instant;

/**
 * The query parameters that narrow a listing; each set one must hold (they combine with AND).
 *
 * @param search words that name, alternate_name or description must contain (full text), or null
 * @param taxonomyTermId a taxonomy term the entity is tagged with through an attribute, or null
 * @param taxonomyId a taxonomy one of whose terms the entity is tagged with, or null
 * @param organizationId the organization of the service, or null
 * @param modifiedAfter the service changed at or after this instant, or null
 * @param place the postal code the service must cover (and be near, with a proximity), or null
 * @param proximity metres from the postal code's centroid, or null
 */
public record HsdsFilter(
        String search,
        String taxonomyTermId,
        String taxonomyId,
        String organizationId,
        Instant modifiedAfter,
        PostalCode place,
        Double proximity) {

    /** No filter. */
    public static final HsdsFilter NONE = new HsdsFilter(null, null, null, null, null, null, null);

    /** The same filter at a resolved postal code. */
    public HsdsFilter at(PostalCode resolved) {
        return new HsdsFilter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, resolved, proximity);
    }

    /**
     * A postal code of the directory's postal_code table.
     *
     * @param country country code, e.g. {@code US}
     * @param code the postal code, e.g. {@code 02118}
     */
    public record PostalCode(String country, String code) {}
}
