package org.careloop.referral.settings.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of a clinic's routing settings: the categories whose mode it chooses; every category left out is {@code auto}.
 *
 * @param settings one entry per category, each category at most once
 */
public record RoutingSettingsRequest(
        @NotNull(message = "must list the categories (an empty list makes every category auto)")
        @Size(max = 100, message = "must list at most 100 entries")
        List<Entry> settings) {

    /**
     * One category's mode.
     *
     * @param category SDOHCC category code, e.g. food-insecurity
     * @param mode auto (sent automatically) or review (proposed as a draft for the clinic to review)
     */
    public record Entry(
            @Schema(examples = "food-insecurity") String category,

            @Schema(
                    enumeration = {"auto", "review"},
                    examples = "review")
            String mode) {}
}
