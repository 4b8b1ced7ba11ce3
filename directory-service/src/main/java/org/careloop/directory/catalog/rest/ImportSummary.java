package org.careloop.directory.catalog.rest;

/**
 * Result of an import.
 *
 * @param organizations organizations in the bundle
 * @param services services in the bundle
 */
public record ImportSummary(int organizations, int services) {}
