package org.careloop.directory.catalog;

import java.util.List;
import org.careloop.directory.responsiveness.ResponsivenessStats;

/**
 * A service as the directory lists it: the HSDS service with its categories and capacity.
 *
 * @param service the service
 * @param categories SDOHCC category codes, sorted
 * @param capacity the capacity, or null when the service publishes none
 * @param responsiveness what was learned about how its organization answers referrals
 */
public record ServiceListing(
        Service service, List<String> categories, ServiceCapacity capacity, ResponsivenessStats responsiveness) {

    /** A listing as imported: nothing learned yet. */
    public ServiceListing(Service service, List<String> categories, ServiceCapacity capacity) {
        this(service, categories, capacity, ResponsivenessStats.NONE);
    }
}
