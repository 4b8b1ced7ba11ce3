package org.careloop.directory.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * An HSDS organization in a list.
 *
 * @param id organization id
 * @param name display name
 * @param description what it does
 * @param email public contact address
 * @param website public web site
 * @param lastModified when it last changed
 */
public record OrganizationSummary(
        String id,
        String name,
        String description,
        String email,
        String website,
        @JsonProperty("last_modified") Instant lastModified) {}
