package org.careloop.directory.catalog.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.careloop.directory.catalog.ServiceStatus;
import org.careloop.directory.sdoh.SdohCategoryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An HSDS-shaped import: organizations with their nested services. Field names follow HSDS (snake_case); fields HSDS
 * has and CareLoop does not use yet are ignored.
 *
 * @param organizations the organizations to upsert
 */
public record ImportBundle(@NotNull List<@Valid @NotNull OrganizationImport> organizations) {

    /** HSDS ids as CareLoop uses them: readable slugs such as {@code org-foodbank}. */
    public static final String ID_PATTERN = "[a-z0-9-]{1,64}";

    public static final String ID_MESSAGE = "must be 1 to 64 characters among a-z, 0-9 and -";

    /**
     * An HSDS organization.
     *
     * @param id e.g. {@code org-foodbank}
     * @param name display name
     * @param description what the organization does
     * @param email public contact address
     * @param website public web site
     * @param services its services; a service not listed here is left as it is
     */
    public record OrganizationImport(
            @NotNull @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE)
            String id,

            @NotBlank @Size(max = 255) String name,
            @NotBlank @Size(max = 4000) String description,
            @Email @Size(max = 255) String email,

            @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") @Size(max = 2048)
            String website,

            List<@Valid @NotNull ServiceImport> services) {}

    /**
     * An HSDS service with CareLoop's category mapping and HSDS 3.1 capacity.
     *
     * @param id e.g. {@code svc-foodbank-pantry}
     * @param name display name
     * @param description what the service offers
     * @param status HSDS status: active, inactive, defunct or temporarily closed
     * @param categories SDOHCC category codes the service addresses
     * @param eligibilityDescription who may use the service
     * @param minimumAge youngest age served
     * @param maximumAge oldest age served
     * @param assuredDate when the information was last confirmed
     * @param capacity places available now; absent when the service publishes none
     */
    @AgeRange
    public record ServiceImport(
            @NotNull @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE)
            String id,

            @NotBlank @Size(max = 255) String name,
            @Size(max = 4000) String description,

            @NotNull
            @Pattern(
                    regexp = ServiceStatus.PATTERN,
                    message = "must be one of active, inactive, defunct, temporarily closed")
            @Schema(enumeration = {"active", "inactive", "defunct", "temporarily closed"})
            String status,

            List<@NotNull @SdohCategoryCode String> categories,

            @JsonProperty("eligibility_description") @Size(max = 4000)
            String eligibilityDescription,

            @JsonProperty("minimum_age") @Min(0) @Max(150) Integer minimumAge,
            @JsonProperty("maximum_age") @Min(0) @Max(150) Integer maximumAge,
            @JsonProperty("assured_date") LocalDate assuredDate,
            @Valid CapacityImport capacity)
            implements AgeRange.AgeLimited {}

    /**
     * HSDS 3.1 service capacity.
     *
     * @param unit what is counted, e.g. {@code household} or {@code bed}
     * @param available places free now
     * @param maximum places in total, if known
     */
    @CapacityBounds
    public record CapacityImport(
            @NotBlank @Size(max = 64) String unit,
            @NotNull @Min(0) Integer available,
            @Min(0) Integer maximum) implements CapacityBounds.Bounded {}
}
