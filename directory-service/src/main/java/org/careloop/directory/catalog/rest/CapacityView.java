package org.careloop.directory.catalog.rest;

import java.time.Instant;

/**
 * HSDS 3.1 service capacity.
 *
 * @param unit what is counted
 * @param available places free now
 * @param maximum places in total, or null
 * @param updated when the figures were last reported
 */
public record CapacityView(String unit, int available, Integer maximum, Instant updated) {}
