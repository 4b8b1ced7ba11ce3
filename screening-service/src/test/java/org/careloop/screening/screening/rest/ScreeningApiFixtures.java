package org.careloop.screening.screening.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.testing.Tokens;
import org.hibernate.reactive.mutiny.Mutiny;

/** Request bodies, callers and direct database reads shared by the REST tests. */
final class ScreeningApiFixtures {

    static final String PATH = "/api/v1/screenings";
    static final String PROBLEM_JSON = "application/problem+json";

    private ScreeningApiFixtures() {}

    /** A patient id no other test uses, so lists and Kafka records can be matched on it. */
    static String newPatientId() {
        return "patient-" + UUID.randomUUID();
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    static Map<String, Object> answer(String question, String... answers) {
        return Map.of("question", question, "answers", List.of(answers));
    }

    @SafeVarargs
    static Map<String, Object> screening(String patientId, boolean consent, Map<String, Object>... answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patientId);
        body.put("instrument", "AHC-HRSN");
        body.put("answers", List.of(answers));
        body.put("consent", Map.of("shareWithCommunityOrganizations", consent));
        return body;
    }

    /** A single value from the service's database, read outside any request. */
    static long count(String sql) {
        var factory = io.quarkus.arc.Arc.container()
                .instance(Mutiny.SessionFactory.class)
                .get();
        return factory.withSession(s -> s.createNativeQuery(sql, Long.class).getSingleResult())
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    /** Writes SQL directly, for rows no demo user could create through the API. */
    static void execute(String sql) {
        var factory = io.quarkus.arc.Arc.container()
                .instance(Mutiny.SessionFactory.class)
                .get();
        factory.withTransaction(s -> s.createNativeQuery(sql).executeUpdate())
                .await()
                .atMost(Duration.ofSeconds(10));
    }
}
