package org.careloop.directory.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.directory.TestDirectory.as;
import static org.careloop.directory.TestDirectory.capacityEventsWritten;
import static org.careloop.directory.TestDirectory.unique;
import static org.careloop.directory.exchange.Hsds.count;
import static org.careloop.directory.exchange.Hsds.imported;
import static org.careloop.directory.exchange.Hsds.row;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.careloop.directory.exchange.service.Uuids;
import org.careloop.testing.CareLoopTestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The v1 import on the HSDS tables (categories as CareLoop taxonomy attributes, the 409 on moves) and operators'
 * need mappings re-deriving categories. Categories of this class: inadequate-housing, medical-cost-burden.
 */
@QuarkusTest
@QuarkusTestResource(CareLoopTestInfrastructure.class)
class V1ImportAndNeedMappingTests {

    @Inject
    Pool database;

    private static Response v1(String org, String svc, String categories, String query) {
        String body = """
                {"organizations": [{"id": "%s", "name": "V1 org", "description": "v1 bundle.",
                  "services": [{"id": "%s", "name": "V1 service", "status": "active", "categories": [%s],
                                "capacity": {"unit": "seat", "available": 2, "maximum": 4}}]}]}
                """.formatted(org, svc, categories);
        return as("coordinator").contentType("application/json").body(body).post("/api/v1/directory/import" + query);
    }

    @Test
    void v1ImportWritesCategoriesAsCareLoopAttributesAndReplacesThem() {
        String org = unique("org-v1");
        String svc = unique("svc-v1");

        assertThat(v1(org, svc, "\"inadequate-housing\", \"medical-cost-burden\"", "")
                        .statusCode())
                .isEqualTo(200);

        assertThat(count(
                        database,
                        "select count(*) from attribute where id = $1 and link_id = $2" + " and taxonomy_term_id = $3",
                        Uuids.needAttribute(svc, "inadequate-housing"),
                        svc,
                        Uuids.needTerm("inadequate-housing")))
                .isEqualTo(1);
        assertThat(count(database, "select count(*) from service_category where service_id = $1", svc))
                .isEqualTo(2);
        assertThat(row(database, "select doc ->> 'organization_id' from service where id = $1", svc)
                        .getString(0))
                .isEqualTo(org);
        assertThat(row(database, "select unit, available from service_capacity where service_id = $1", svc)
                        .getString(0))
                .isEqualTo("seat");
        long events = capacityEventsWritten(database, svc);
        var modified = row(database, "select last_modified from service where id = $1", svc)
                .getOffsetDateTime(0);

        assertThat(v1(org, svc, "\"inadequate-housing\", \"medical-cost-burden\"", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(capacityEventsWritten(database, svc)).isEqualTo(events);
        assertThat(row(database, "select last_modified from service where id = $1", svc)
                        .getOffsetDateTime(0))
                .isEqualTo(modified);

        assertThat(v1(org, svc, "\"inadequate-housing\"", "").statusCode()).isEqualTo(200);
        assertThat(count(database, "select count(*) from attribute where link_id = $1", svc))
                .isEqualTo(1);
        assertThat(count(database, "select count(*) from service_category where service_id = $1", svc))
                .isEqualTo(1);
        assertThat(capacityEventsWritten(database, svc)).isEqualTo(events + 1);
    }

    @Test
    void v1ImportNoLongerMovesAServiceSilently() {
        String first = unique("org-v1a");
        String second = unique("org-v1b");
        String svc = unique("svc-v1m");
        assertThat(v1(first, svc, "", "").statusCode()).isEqualTo(200);

        Response refused = v1(second, svc, "", "");

        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("errors[0].field"))
                .isEqualTo("services[id=" + svc + "]/organization_id");
        assertThat(row(database, "select organization_id from service where id = $1", svc)
                        .getString(0))
                .isEqualTo(first);

        assertThat(v1(second, svc, "", "?allow_moves=true").statusCode()).isEqualTo(200);
        assertThat(row(database, "select organization_id from service where id = $1", svc)
                        .getString(0))
                .isEqualTo(second);
    }

    @Test
    void needMappingChangesRederiveTheCategoriesOfTheTaxonomysServices() {
        String taxonomyName = "Test taxonomy " + UUID.randomUUID();
        String org = UUID.randomUUID().toString();
        String svc = UUID.randomUUID().toString();
        imported("""
                [{"id": "%s", "name": "Mapped", "description": "Mapped org.", "services": [{"id": "%s", "name": "M",
                   "status": "active", "attributes": [{"id": "%s", "taxonomy_term": {"id": "%s", "code": "HR-1",
                   "name": "Home repair help", "description": "Repairs for unsafe homes",
                   "taxonomy_detail": {"id": "%s", "name": "%s", "description": "A test taxonomy"}}}]}]}]
                """.formatted(org, svc, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), taxonomyName));
        assertThat(count(database, "select count(*) from service_category where service_id = $1", svc))
                .isZero();
        long events = capacityEventsWritten(database, svc);

        Response created = as("operator")
                .contentType("application/json")
                .body("""
                        {"taxonomy": "%s", "term": "HR", "prefix": true, "category": "inadequate-housing"}""".formatted(taxonomyName))
                .post("/api/v1/directory/need-mappings");

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getInt("services_recomputed")).isEqualTo(1);
        String id = created.jsonPath().getString("id");
        assertThat(count(
                        database,
                        "select count(*) from service_category where service_id = $1"
                                + " and category = 'inadequate-housing'",
                        svc))
                .isEqualTo(1);
        assertThat(capacityEventsWritten(database, svc)).isEqualTo(events + 1);
        List<String> ids = as("coordinator")
                .get("/api/v1/directory/need-mappings")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id");
        assertThat(ids).contains(id);

        assertThat(as("operator")
                        .delete("/api/v1/directory/need-mappings/{id}", id)
                        .statusCode())
                .isEqualTo(204);
        assertThat(count(database, "select count(*) from service_category where service_id = $1", svc))
                .isZero();
        assertThat(as("operator")
                        .delete("/api/v1/directory/need-mappings/{id}", id)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void needMappingsNameANeedCategoryAndNeedTheirRoles() {
        Response bad = as("operator")
                .contentType("application/json")
                .body("{\"taxonomy\": \"Open Eligibility\", \"term\": \"Food\", \"category\": \"snacks\"}")
                .post("/api/v1/directory/need-mappings");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.jsonPath().getString("errors[0].field")).contains("category");
        assertThat(as("clinician").get("/api/v1/directory/need-mappings").statusCode())
                .isEqualTo(403);
        // The seeded Open Eligibility mapping.
        assertThat(
                        as("operator")
                                .get("/api/v1/directory/need-mappings")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getList(
                                        "findAll { it.taxonomy == 'Open Eligibility' && it.term == 'Emergency Food' }.category"))
                .containsExactly("food-insecurity");
    }
}
