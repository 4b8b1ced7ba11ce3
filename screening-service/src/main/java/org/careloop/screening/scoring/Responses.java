package org.careloop.screening.scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated answers of one screening, looked up by question code; what an {@link Instrument} scores. */
public final class Responses {

    private final Map<String, List<String>> byQuestion;

    private Responses(Map<String, List<String>> byQuestion) {
        this.byQuestion = byQuestion;
    }

    /** Answers that passed {@link AnswerValidator}: one entry per question. */
    public static Responses of(List<Answer> answers) {
        Map<String, List<String>> byQuestion = new LinkedHashMap<>();
        for (Answer answer : answers) {
            if (byQuestion.putIfAbsent(answer.question(), answer.answers()) != null) {
                throw new IllegalArgumentException("Question " + answer.question() + " is answered twice");
            }
        }
        return new Responses(byQuestion);
    }

    public static Responses of(Answer... answers) {
        return of(List.of(answers));
    }

    public boolean answered(String question) {
        return byQuestion.containsKey(question);
    }

    /** The answer of a single-answer question, if it was answered. */
    public Optional<String> single(String question) {
        return all(question).stream().findFirst();
    }

    /** The answers of a question; empty if it was skipped. */
    public List<String> all(String question) {
        return byQuestion.getOrDefault(question, List.of());
    }
}
