package org.careloop.directory.hsds.service;

/**
 * Which page of a listing: {@code page} from 1, {@code perPage} entities a page.
 *
 * @param page page number, from 1
 * @param perPage entities per page, 1 to {@link #MAX_PER_PAGE}
 */
public record HsdsPaging(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 50;
    public static final int MAX_PER_PAGE = 200;

    /** Entities before this page. */
    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
