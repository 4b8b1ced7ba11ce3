package org.careloop.directory.exchange.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.careloop.directory.sdoh.SdohCategoryCode;

/**
 * A mapping of another taxonomy's terms to a need category.
 *
 * @param taxonomy the taxonomy's id, name or uri (e.g. {@code Open Eligibility})
 * @param term a term's code or name (case-insensitive), or with {@code prefix} the start of codes
 * @param prefix whether {@code term} matches every code that starts with it (hierarchical codes such as BD-1800)
 * @param category the SDOHCC need category code
 */
public record NeedMappingRequest(
        @NotBlank @Size(max = 256) String taxonomy,
        @NotBlank @Size(max = 256) String term,
        Boolean prefix,
        @NotNull @SdohCategoryCode String category) {}
