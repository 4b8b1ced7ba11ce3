package org.careloop.directory.hsds.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.careloop.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Query parameters of the HSDS API, read strictly. */
class HsdsParametersTests {

    @Test
    void pagingDefaultsToTheFirstPageOfFifty() {
        assertThat(HsdsParameters.paging(null, null)).isEqualTo(new HsdsPaging(1, 50));
        assertThat(HsdsParameters.paging(3, 200)).isEqualTo(new HsdsPaging(3, 200));
        assertThat(new HsdsPaging(3, 200).offset()).isEqualTo(400);
        assertThat(new HsdsPaging(Integer.MAX_VALUE, 200).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 200);
    }

    @Test
    void pagingOutOfRangeNamesTheParameter() {
        assertField(() -> HsdsParameters.paging(0, null), "page");
        assertField(() -> HsdsParameters.paging(-1, null), "page");
        assertField(() -> HsdsParameters.paging(1, 0), "per_page");
        assertField(() -> HsdsParameters.paging(1, 201), "per_page");
        assertField(() -> HsdsParameters.paging(1, 1000), "per_page");
    }

    @Test
    void modifiedAfterIsAnIsoInstantOrADate() {
        assertThat(HsdsParameters.modifiedAfter("2026-11-01T10:00:00Z"))
                .isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(HsdsParameters.modifiedAfter("2026-11-01T11:00:00.250+01:00"))
                .isEqualTo(Instant.parse("2026-11-01T10:00:00.250Z"));
        assertThat(HsdsParameters.modifiedAfter("2026-11-01")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(HsdsParameters.modifiedAfter(null)).isNull();
        for (String bad :
                new String[] {"yesterday", "2026-13-45", "2026-11-01T10:00:00", "12345", "+99999-01-01T00:00:00Z", ""
                }) {
            assertField(() -> HsdsParameters.modifiedAfter(bad), "modified_after");
        }
    }

    @Test
    void proximityIsPositiveMetresFromAPostcode() {
        assertThat(HsdsParameters.proximity("2500", "02118")).isEqualTo(2500.0);
        assertThat(HsdsParameters.proximity("1500.5", "02118")).isEqualTo(1500.5);
        assertThat(HsdsParameters.proximity(null, null)).isNull();
        assertField(() -> HsdsParameters.proximity("2500", null), "proximity");
        assertField(() -> HsdsParameters.proximity("0", "02118"), "proximity");
        assertField(() -> HsdsParameters.proximity("-5", "02118"), "proximity");
        assertField(() -> HsdsParameters.proximity("NaN", "02118"), "proximity");
        assertField(() -> HsdsParameters.proximity("far", "02118"), "proximity");
        assertField(() -> HsdsParameters.proximity("1000001", "02118"), "proximity");
    }

    @Test
    void postcodesAreTrimmedAndUpperCased() {
        assertThat(HsdsParameters.postcode(" sw1a 1aa ")).isEqualTo("SW1A 1AA");
        assertThat(HsdsParameters.postcode("02118")).isEqualTo("02118");
        assertField(() -> HsdsParameters.postcode(""), "postcode");
        assertField(() -> HsdsParameters.postcode("x".repeat(17)), "postcode");
        assertField(() -> HsdsParameters.postcode("02118;drop"), "postcode");
    }

    @Test
    void searchIsOptionalAndBounded() {
        assertThat(HsdsParameters.search("  food  ")).isEqualTo("food");
        assertThat(HsdsParameters.search("   ")).isNull();
        assertField(() -> HsdsParameters.search("x".repeat(201)), "search");
    }

    @Test
    void idsAreOneTo128Characters() {
        assertThat(HsdsParameters.id("organization_id", "org-a")).isEqualTo("org-a");
        assertField(() -> HsdsParameters.id("organization_id", ""), "organization_id");
        assertField(() -> HsdsParameters.id("taxonomy_id", "x".repeat(129)), "taxonomy_id");
    }

    @Test
    void shapes() {
        assertThat(HsdsParameters.serviceShape(null, null)).isEqualTo(HsdsShape.BRIEF);
        assertThat(HsdsParameters.serviceShape(true, false)).isEqualTo(HsdsShape.MINIMAL);
        assertThat(HsdsParameters.serviceShape(false, true)).isEqualTo(HsdsShape.FULL);
        assertField(() -> HsdsParameters.serviceShape(true, true), "minimal");
        assertThat(HsdsParameters.organizationShape(true, null)).isEqualTo(HsdsShape.FULL);
        assertThat(HsdsParameters.organizationShape(null, true)).isEqualTo(HsdsShape.FULL_SERVICE);
        assertThat(HsdsParameters.organizationShape(null, null)).isEqualTo(HsdsShape.BRIEF);
    }

    @Test
    void onlyJsonIsServed() {
        HsdsParameters.format(null);
        HsdsParameters.format("json");
        assertField(() -> HsdsParameters.format("ndjson"), "format");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(f -> f.field()).containsExactly(field);
        });
    }
}
