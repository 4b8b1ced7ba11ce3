package org.careloop.screening.scoring;

import java.util.List;

/**
 * The answer to one question of a screening.
 *
 * @param question LOINC code of the question
 * @param answers LOINC answer codes; one for a single-answer question, one or more for a multi-select one
 */
public record Answer(String question, List<String> answers) {

    public Answer {
        answers = List.copyOf(answers);
    }

    public static Answer of(String question, String... answers) {
        return new Answer(question, List.of(answers));
    }
}
