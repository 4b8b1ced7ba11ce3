package org.careloop.screening.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks submitted answers against an instrument's questions before anything is scored or stored. */
public final class AnswerValidator {

    private AnswerValidator() {}

    /**
     * Finds every problem at once, so a client can fix a whole screening in one round trip.
     *
     * @param instrument the instrument the screening claims to use
     * @param answers the submitted answers, with non-blank question and answer codes
     * @return the violations, with field paths relative to the request body; empty if the answers are valid
     */
    public static List<Violation> validate(Instrument instrument, List<Answer> answers) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String field = "answers[" + i + "]";
            var item = instrument.item(answer.question());
            if (item.isEmpty()) {
                violations.add(new Violation(
                        field + ".question",
                        "unknown question '" + answer.question() + "' for " + instrument.code() + " "
                                + instrument.version()));
                continue;
            }
            Integer first = seen.putIfAbsent(answer.question(), i);
            if (first != null) {
                violations.add(new Violation(
                        field + ".question",
                        "question '" + answer.question() + "' is already answered in answers[" + first + "]"));
                continue;
            }
            violations.addAll(checkAnswers(item.get(), answer.answers(), field));
        }
        return violations;
    }

    private static List<Violation> checkAnswers(Item item, List<String> codes, String field) {
        List<Violation> violations = new ArrayList<>();
        if (!item.multipleAnswers() && codes.size() != 1) {
            violations.add(new Violation(
                    field + ".answers",
                    "question '" + item.code() + "' takes exactly one answer, got " + codes.size()));
        } else if (codes.isEmpty()) {
            violations.add(
                    new Violation(field + ".answers", "question '" + item.code() + "' takes at least one answer"));
        }
        Set<String> distinct = new HashSet<>();
        for (int j = 0; j < codes.size(); j++) {
            String code = codes.get(j);
            if (!item.accepts(code)) {
                violations.add(new Violation(
                        field + ".answers[" + j + "]",
                        "'" + code + "' is not an answer to question '" + item.code() + "'; expected one of "
                                + item.answerCodes()));
            } else if (!distinct.add(code)) {
                violations.add(new Violation(field + ".answers[" + j + "]", "answer '" + code + "' is repeated"));
            }
        }
        return violations;
    }
}
