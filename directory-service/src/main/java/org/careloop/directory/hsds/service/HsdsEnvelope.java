package org.careloop.directory.hsds.service;

import org.careloop.directory.hsds.repository.PageRows;

/** The HSDS paging envelope around a page whose contents the database wrote as JSON. Pure Java, unit tested. */
public final class HsdsEnvelope {

    private HsdsEnvelope() {}

    /**
     * {@code {total_items, total_pages, page_number, size, first_page, last_page, empty, contents}}: size is the
     * number of entities on this page, total_pages 0 when nothing matches, and a page beyond the last is empty and
     * last.
     */
    public static String of(PageRows rows, HsdsPaging paging) {
        long totalPages = (rows.total() + paging.perPage() - 1) / paging.perPage();
        return "{\"total_items\":" + rows.total()
                + ",\"total_pages\":" + totalPages
                + ",\"page_number\":" + paging.page()
                + ",\"size\":" + rows.size()
                + ",\"first_page\":" + (paging.page() == 1)
                + ",\"last_page\":" + (paging.page() >= totalPages)
                + ",\"empty\":" + (rows.size() == 0)
                + ",\"contents\":" + rows.contents() + "}";
    }
}
