package org.careloop.directory.catalog;

import java.util.List;

/**
 * A service as the directory lists it: the HSDS service with its categories and capacity.
 *
 * @param service the service
 * @param categories SDOHCC category codes, sorted
 * @param capacity the capacity, or null when the service publishes none
 */
public record ServiceListing(Service service, List<String> categories, ServiceCapacity capacity) {}
