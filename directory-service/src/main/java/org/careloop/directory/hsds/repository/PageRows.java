package org.careloop.directory.hsds.repository;

/**
 * One page of a listing as the database built it.
 *
 * @param total entities that match, over all pages
 * @param size entities on this page
 * @param contents the page's entities, a JSON array
 */
public record PageRows(long total, int size, String contents) {}
