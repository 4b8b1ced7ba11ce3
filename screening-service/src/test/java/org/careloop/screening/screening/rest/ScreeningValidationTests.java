package org.careloop.screening.screening.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.PATH;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.PROBLEM_JSON;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.answer;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.as;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.count;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.newPatientId;
import static org.careloop.screening.screening.rest.ScreeningApiFixtures.screening;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid screenings are 400 problems naming the field at fault, and nothing of them is written. */
@QuarkusTest
class ScreeningValidationTests {

    private static final String PATIENT = "patient-placeholder";

    static Stream<Arguments> invalidScreenings() {
        return Stream.of(
                invalid("unknown instrument", "instrument", b -> b.put("instrument", "PHQ-9")),
                invalid("blank instrument", "instrument", b -> b.put("instrument", "")),
                invalid(
                        "unknown question",
                        "answers[1].question",
                        b -> b.put("answers", List.of(answer("93030-5", "LA33-6"), answer("99999-9", "LA33-6")))),
                invalid(
                        "answer of another question",
                        "answers[0].answers[0]",
                        b -> b.put("answers", List.of(answer("88122-7", "LA33-6")))),
                invalid(
                        "unknown code in a multi-select",
                        "answers[0].answers[1]",
                        b -> b.put("answers", List.of(answer("96778-6", "LA28580-1", "LA12345-6")))),
                invalid(
                        "duplicate question",
                        "answers[1].question",
                        b -> b.put("answers", List.of(answer("93030-5", "LA33-6"), answer("93030-5", "LA32-8")))),
                invalid(
                        "two answers to a single-answer question",
                        "answers[0].answers",
                        b -> b.put("answers", List.of(answer("71802-3", "LA31993-1", "LA31994-9")))),
                invalid(
                        "no answer codes",
                        "answers[0].answers",
                        b -> b.put("answers", List.of(Map.of("question", "93030-5", "answers", List.of())))),
                invalid(
                        "blank answer code",
                        "answers[0].answers[0]",
                        b -> b.put("answers", List.of(answer("93030-5", " ")))),
                invalid("no answers", "answers", b -> b.put("answers", List.of())),
                invalid("missing consent", "consent", b -> b.remove("consent")),
                invalid(
                        "consent without a decision",
                        "consent.shareWithCommunityOrganizations",
                        b -> b.put("consent", Map.of())),
                invalid("missing patient", "patientId", b -> b.remove("patientId")),
                invalid("patient id with spaces", "patientId", b -> b.put("patientId", "Jane Doe")),
                invalid("patient id too long", "patientId", b -> b.put("patientId", "p".repeat(65))));
    }

    /** A valid screening with one change; built eagerly so the arguments are plain data. */
    private static Arguments invalid(String name, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(screening(PATIENT, true, answer("93030-5", "LA33-6")));
        change.accept(body);
        return Arguments.of(name, field, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidScreenings")
    void anInvalidScreeningIsAProblemAndWritesNothing(String name, String field, Map<String, Object> invalidBody) {
        // A patient id of its own, so the list below shows whether anything of this screening was written.
        String patient = newPatientId();
        Map<String, Object> body = new HashMap<>(invalidBody);
        body.computeIfPresent("patientId", (k, v) -> PATIENT.equals(v) ? patient : v);
        long screenings = count("select count(*) from screening");
        long events = count("select count(*) from outbox_event");

        as("clinician")
                .body(body)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));

        assertThat(count("select count(*) from screening")).isEqualTo(screenings);
        assertThat(count("select count(*) from screening_answer where question = '99999-9'"))
                .isZero();
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
        as("clinician")
                .queryParam("patientId", patient)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void everyProblemOfAScreeningIsReportedAtOnce() {
        var body = screening(
                newPatientId(),
                true,
                answer("99999-9", "LA33-6"),
                answer("71802-3", "LA31993-1", "LA31994-9"),
                answer("96779-4", "LA0-0"));
        as("clinician")
                .body(body)
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body(
                        "errors.field",
                        equalTo(List.of("answers[0].question", "answers[1].answers", "answers[2].answers[0]")));
    }

    @Test
    void aMissingOrMalformedBodyIsAProblem() {
        as("clinician").post(PATH).then().statusCode(400).contentType(PROBLEM_JSON);
        as("clinician")
                .body("{\"patientId\":\"p-1\",\"instrument\":\"AHC-HRSN\",\"answers\":{\"oops\":1}}")
                .post(PATH)
                .then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("answers"));
    }
}
