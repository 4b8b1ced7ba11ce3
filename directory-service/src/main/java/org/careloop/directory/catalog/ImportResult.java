package org.careloop.directory.catalog;

/**
 * What an import touched.
 *
 * @param organizations organizations in the bundle
 * @param services services in the bundle
 */
public record ImportResult(int organizations, int services) {}
