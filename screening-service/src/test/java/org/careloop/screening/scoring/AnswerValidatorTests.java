package org.careloop.screening.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers are checked against the instrument's questions, with a field path per problem. */
class AnswerValidatorTests {

    private final Instrument ahc = new AhcHrsn();

    private List<Violation> validate(Answer... answers) {
        return AnswerValidator.validate(ahc, List.of(answers));
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void acceptsAPartialScreening() {
        assertThat(validate(Answer.of("88122-7", "LA28397-0"), Answer.of("96778-6", "LA28580-1", "LA31996-4")))
                .isEmpty();
    }

    @Test
    void acceptsNoneOfTheAboveAlone() {
        assertThat(validate(Answer.of("96778-6", "LA9-3"))).isEmpty();
    }

    @Test
    void rejectsAnUnknownQuestion() {
        var violations = validate(Answer.of("88122-7", "LA28397-0"), Answer.of("12345-6", "LA33-6"));
        assertThat(fields(violations)).containsExactly("answers[1].question");
        assertThat(violations.getFirst().message()).contains("12345-6").contains("AHC-HRSN");
    }

    @Test
    void rejectsAQuestionAnsweredTwice() {
        var violations = validate(
                Answer.of("93030-5", "LA33-6"), Answer.of("88122-7", "LA28397-0"), Answer.of("93030-5", "LA32-8"));
        assertThat(fields(violations)).containsExactly("answers[2].question");
        assertThat(violations.getFirst().message()).contains("answers[0]");
    }

    @Test
    void rejectsAnAnswerCodeOfAnotherQuestion() {
        // LA33-6 (Yes) is a valid code, but not for the food item.
        assertThat(fields(validate(Answer.of("88122-7", "LA33-6")))).containsExactly("answers[0].answers[0]");
    }

    @Test
    void rejectsAnUnknownCodeInAMultiSelect() {
        assertThat(fields(validate(Answer.of("96778-6", "LA28580-1", "LA00000-0"))))
                .containsExactly("answers[0].answers[1]");
    }

    @Test
    void rejectsARepeatedCodeInAMultiSelect() {
        assertThat(fields(validate(Answer.of("96778-6", "LA28580-1", "LA28580-1"))))
                .containsExactly("answers[0].answers[1]");
    }

    @Test
    void rejectsSeveralAnswersToASingleAnswerQuestion() {
        var violations = validate(Answer.of("93030-5", "LA33-6", "LA32-8"));
        assertThat(fields(violations)).containsExactly("answers[0].answers");
        assertThat(violations.getFirst().message()).contains("exactly one");
    }

    @Test
    void rejectsNoAnswerToAQuestion() {
        assertThat(fields(validate(new Answer("93030-5", List.of())))).containsExactly("answers[0].answers");
        assertThat(fields(validate(new Answer("96778-6", List.of())))).containsExactly("answers[0].answers");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(fields(validate(
                        Answer.of("nope", "LA33-6"),
                        Answer.of("71802-3", "LA31993-1", "LA31994-9"),
                        Answer.of("96779-4", "LA0-0"))))
                .containsExactly("answers[0].question", "answers[1].answers", "answers[2].answers[0]");
    }

    @Test
    void theCatalogFindsInstrumentsByCode() {
        var catalog = new InstrumentCatalog(List.of(ahc));
        assertThat(catalog.find("AHC-HRSN")).containsSame(ahc);
        assertThat(catalog.find("PRAPARE")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
        assertThat(catalog.codes()).containsExactly("AHC-HRSN");
        assertThatThrownBy(() -> new InstrumentCatalog(List.of(ahc, new AhcHrsn(12))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
