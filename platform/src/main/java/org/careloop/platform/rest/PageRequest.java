package org.careloop.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Paging query parameters shared by every list endpoint: {@code ?page=0&size=20}. */
public class PageRequest {

    public static final int MAX_SIZE = 200;

    /** Highest page number: page × size stays within a 32-bit row offset. */
    public static final int MAX_PAGE = 10_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be between 0 and " + MAX_PAGE)
    @Max(value = MAX_PAGE, message = "must be between 0 and " + MAX_PAGE)
    @Parameter(description = "Zero-based page number")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
    @Parameter(description = "Page size, 1 to 200")
    public int size;

    public PageRequest() {}

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }
}
