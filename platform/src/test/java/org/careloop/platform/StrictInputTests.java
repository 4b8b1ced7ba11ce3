package org.careloop.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input is read strictly at every REST boundary: a value of the wrong JSON type is a 400 naming the field, never
 * converted; so are duplicate keys, trailing content, NUL characters, dates PostgreSQL cannot store and malformed
 * path or query parameters. Every error is problem+json and repeats no Java class names.
 */
@QuarkusTest
class StrictInputTests {

    private static Response typed(String body) {
        return given().contentType("application/json").body(body).post("/widgets/typed");
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"text\":0}                                   | text",
                "{\"text\":true}                                | text",
                "{\"flag\":-1}                                  | flag",
                "{\"flag\":1}                                   | flag",
                "{\"flag\":\"true\"}                            | flag",
                "{\"primitiveFlag\":\"true\"}                   | primitiveFlag",
                "{\"count\":\"5\"}                              | count",
                "{\"count\":true}                               | count",
                "{\"primitiveCount\":1.5}                       | primitiveCount",
                "{\"text\":\"a\\u0000b\"}                       | text",
                "{\"tags\":[\"ok\",\"\\u0000\"]}                | tags[1]",
                "{\"day\":\"+9999999-01-01\"}                   | day",
                "{\"day\":\"0000-01-01\"}                       | day",
                "{\"at\":12345}                                 | at",
                "{\"at\":\"+99999-01-01T00:00:00Z\"}            | at",
                "{\"kind\":1}                                   | kind",
                "{\"kind\":\"HUGE\"}                            | kind",
                "{\"ref\":5}                                    | ref",
                "{\"ref\":\"not-a-uuid\"}                       | ref",
                "{\"tags\":\"a\"}                               | tags",
                "{\"text\":\"a\",\"text\":null}                 | body",
                "{\"text\":\"a\"} {}                            | body",
                "{\"text\":\"a\"} x                             | body",
                "{\"text\":                                     | body",
                "[]                                             | body"
            })
    void aValueOfTheWrongTypeOrFormIsA400NamingTheField(String body, String field) {
        Response response = typed(body.strip());
        response.then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        assertThat(response.asString()).doesNotContain("java.", "com.fasterxml", "Exception");
    }

    @Test
    void aWellTypedBodyIsRead() {
        typed("{\"text\":\"a\",\"flag\":true,\"count\":3,\"day\":\"2026-01-01\",\"at\":\"2026-01-01T00:00:00Z\","
                        + "\"kind\":\"SMALL\",\"ref\":\"" + UUID.randomUUID() + "\",\"tags\":[\"x\"]}")
                .then()
                .statusCode(200)
                .body("flag", equalTo(true))
                .body("day", equalTo("2026-01-01"));
    }

    @Test
    void aLargeValueIsNeverEchoed() {
        String huge = "x".repeat(1_000_000);
        Response response = typed("{\"ref\":\"" + huge + "\"}");
        response.then().statusCode(400).body("errors.field", hasItem("ref"));
        assertThat(response.asString().length()).isLessThan(2_000);
    }

    @Test
    void aBodyWithoutContentTypeOrOfAnotherTypeIs415() {
        // Also where the endpoint declares no media type of its own.
        given().body("{\"name\":\"a\",\"parts\":[]}")
                .post("/widgets")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().body("{\"text\":\"a\"}")
                .post("/widgets/typed")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        given().contentType("text/plain")
                .body("{\"text\":\"a\"}")
                .post("/widgets/typed")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/widgets/not-a-uuid                  | id",
                "/widgets/abc%00def                   | id",
                "/widgets/count?n=abc                 | n",
                "/widgets/count?n=99999999999         | n",
                "/widgets/count?active=maybe          | active",
                "/widgets?page=2000000000&size=200    | page",
                "/widgets?page=99999999999            | page",
                "/widgets?size=0                      | size",
                "/widgets?missing=a%00b               | missing"
            })
    void aMalformedPathOrQueryParameterIsA400NamingIt(String path, String field) {
        given().urlEncodingEnabled(false)
                .get(path.strip())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void errorsOfTheHttpLayerAreProblemsToo() {
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json");
        given().delete("/widgets").then().statusCode(405).contentType("application/problem+json");
        given().get("/api/v1/outbox/backlog").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2("not.a.token")
                .get("/api/v1/outbox/backlog")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void httpMetricsAreLabelledByRouteTemplateNeverByTheRawPath() {
        String id = UUID.randomUUID().toString();
        given().delete("/widgets/" + id).then().statusCode(405);
        given().get("/widgets/" + id + "x").then().statusCode(400);
        given().get("/no/such/" + id).then().statusCode(404);
        String metrics = given().get("/q/metrics").asString();
        assertThat(metrics).contains("uri=\"/widgets/{id}\"").doesNotContain(id);
    }
}
