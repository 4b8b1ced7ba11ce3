package org.careloop.directory.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An HSDS organization with its services.
 *
 * @param id organization id
 * @param name display name
 * @param description what it does
 * @param email public contact address
 * @param website public web site
 * @param lastModified when it last changed
 * @param services its services, by id
 */
public record OrganizationView(
        String id,
        String name,
        String description,
        String email,
        String website,
        @JsonProperty("last_modified") Instant lastModified,
        List<ServiceView> services) {}
