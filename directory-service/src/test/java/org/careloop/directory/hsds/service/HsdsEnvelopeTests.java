package org.careloop.directory.hsds.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.careloop.directory.hsds.repository.PageRows;
import org.junit.jupiter.api.Test;

/** The HSDS paging envelope. */
class HsdsEnvelopeTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void middlePage() throws Exception {
        JsonNode page = envelope(new PageRows(120, 50, "[{\"id\":\"a\"}]"), new HsdsPaging(2, 50));

        assertThat(page.get("total_items").asLong()).isEqualTo(120);
        assertThat(page.get("total_pages").asLong()).isEqualTo(3);
        assertThat(page.get("page_number").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("first_page").asBoolean()).isFalse();
        assertThat(page.get("last_page").asBoolean()).isFalse();
        assertThat(page.get("empty").asBoolean()).isFalse();
        assertThat(page.get("contents").get(0).get("id").asText()).isEqualTo("a");
    }

    @Test
    void firstAndLastPage() throws Exception {
        JsonNode page = envelope(new PageRows(3, 3, "[{},{},{}]"), new HsdsPaging(1, 50));

        assertThat(page.get("total_pages").asLong()).isEqualTo(1);
        assertThat(page.get("first_page").asBoolean()).isTrue();
        assertThat(page.get("last_page").asBoolean()).isTrue();
    }

    @Test
    void nothingMatches() throws Exception {
        JsonNode page = envelope(new PageRows(0, 0, "[]"), new HsdsPaging(1, 50));

        assertThat(page.get("total_pages").asLong()).isZero();
        assertThat(page.get("empty").asBoolean()).isTrue();
        assertThat(page.get("first_page").asBoolean()).isTrue();
        assertThat(page.get("last_page").asBoolean()).isTrue();
        assertThat(page.get("contents").isArray()).isTrue();
    }

    @Test
    void beyondTheLastPage() throws Exception {
        JsonNode page = envelope(new PageRows(10, 0, "[]"), new HsdsPaging(5, 5));

        assertThat(page.get("total_pages").asLong()).isEqualTo(2);
        assertThat(page.get("empty").asBoolean()).isTrue();
        assertThat(page.get("last_page").asBoolean()).isTrue();
        assertThat(page.get("first_page").asBoolean()).isFalse();
    }

    private static JsonNode envelope(PageRows rows, HsdsPaging paging) throws Exception {
        return JSON.readTree(HsdsEnvelope.of(rows, paging));
    }
}
