package org.careloop.contracts.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import org.careloop.contracts.codes.CapacityCauses;

/**
 * Data of {@code capacity-changed}: a service's availability after a change of its capacity, its holds or its
 * directory entry. Keyed by service id; the newest {@code version} of a service is its current state, so consumers
 * can keep a replica of which services exist, for whom, and with how many places. No personal data.
 *
 * @param serviceId HSDS service id (the event key)
 * @param organizationId HSDS organization id of the service
 * @param serviceStatus HSDS service status ({@code active}, {@code inactive}, {@code defunct},
 *     {@code temporarily closed})
 * @param categories SDOHCC category codes the service addresses
 * @param unit what the places count, null when the service publishes no capacity
 * @param available places free now, after holds; null when the service publishes no capacity
 * @param maximum places in total, null when unknown
 * @param held places held by open referrals (tentatively while requested, firmly once accepted)
 * @param version increases by one with every change of this service's availability
 * @param cause why it changed, see {@code CapacityCauses}
 * @param changedAt when it changed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CapacityChanged(
        @NotBlank String serviceId,
        @NotBlank String organizationId,
        @NotBlank String serviceStatus,
        @NotNull List<@NotBlank String> categories,
        String unit,
        @PositiveOrZero Integer available,
        @PositiveOrZero Integer maximum,
        @PositiveOrZero int held,
        @Positive long version,

        @NotBlank @Pattern(regexp = CAUSES, message = "must be one of import, report, hold, release")
        String cause,

        @NotNull Instant changedAt) {

    public static final String CAUSES = CapacityCauses.IMPORT + "|" + CapacityCauses.REPORT + "|" + CapacityCauses.HOLD
            + "|" + CapacityCauses.RELEASE;

    /** Whether the service takes referrals now: active, with capacity published and a place free. */
    public boolean hasPlaces() {
        return "active".equals(serviceStatus) && available != null && available > 0;
    }
}
