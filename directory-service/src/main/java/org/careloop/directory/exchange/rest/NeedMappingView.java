package org.careloop.directory.exchange.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * A need mapping.
 *
 * @param id its id
 * @param taxonomy the taxonomy's id, name or uri
 * @param term the term's code or name, or a code prefix
 * @param prefix whether term is a code prefix
 * @param category the need category
 * @param createdAt when it was added
 * @param servicesRecomputed services whose categories were recomputed by this change (in answers to changes)
 */
public record NeedMappingView(
        UUID id,
        String taxonomy,
        String term,
        boolean prefix,
        String category,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("services_recomputed") Integer servicesRecomputed) {}
