package org.careloop.directory.catalog;

import java.util.List;

/**
 * An organization with its services, as imported and as shown.
 *
 * @param organization the organization
 * @param services its services
 */
public record OrganizationListing(Organization organization, List<ServiceListing> services) {}
