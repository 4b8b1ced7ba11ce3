package org.careloop.directory.catalog.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A capacity report: replaces the service's current figures.
 *
 * @param available places free now
 * @param maximum places in total; omit when unknown (the previous maximum is not kept)
 * @param unit what is counted; omit to keep the current unit
 */
@CapacityBounds
public record CapacityUpdate(
        @NotNull @Min(0) Integer available,
        @Min(0) Integer maximum,
        @Size(min = 1, max = 64) String unit) implements CapacityBounds.Bounded {}
