package org.careloop.referral.settings.rest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.contracts.codes.SdohCategories;
import org.careloop.referral.settings.RoutingMode;
import org.careloop.referral.settings.RoutingSetting;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A clinic's routing settings, every SDOHCC category with its mode.
 *
 * @param organizationId the clinic
 * @param sensitiveNeeds how interpersonal-safety needs leave, whatever their category's mode: always review
 * @param settings the 24 categories, in the value set's order
 */
public record RoutingSettingsView(
        String organizationId,
        @Schema(enumeration = {"review"}) String sensitiveNeeds,
        List<CategoryMode> settings) {

    /**
     * One category.
     *
     * @param category SDOHCC category code
     * @param mode auto or review
     * @param updatedAt when the clinic chose it, null for the default
     * @param updatedBy who chose it, null for the default
     */
    public record CategoryMode(
            String category,
            @Schema(enumeration = {"auto", "review"}) String mode,
            Instant updatedAt,
            String updatedBy) {}

    public static RoutingSettingsView of(String organizationId, List<RoutingSetting> chosen) {
        Map<String, RoutingSetting> byCategory = new HashMap<>();
        chosen.forEach(s -> byCategory.put(s.category(), s));
        List<CategoryMode> all = SdohCategories.CODES.stream()
                .map(category -> {
                    RoutingSetting setting = byCategory.get(category);
                    return setting == null
                            ? new CategoryMode(category, RoutingMode.AUTO.code(), null, null)
                            : new CategoryMode(
                                    category, setting.mode().code(), setting.updatedAt(), setting.updatedBy());
                })
                .toList();
        return new RoutingSettingsView(organizationId, RoutingMode.REVIEW.code(), all);
    }
}
