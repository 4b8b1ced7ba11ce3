package org.careloop.directory.catalog;

/**
 * A new capacity reported for a service.
 *
 * @param available places free now
 * @param maximum places in total, or null when unknown
 * @param unit what is counted, or null to keep the current unit
 */
public record CapacityChange(int available, Integer maximum, String unit) {}
