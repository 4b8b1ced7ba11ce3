package org.careloop.screening.scoring;

import java.util.List;

/**
 * One question of an instrument and the answers it accepts.
 *
 * @param code LOINC code of the question, e.g. {@code 88122-7}
 * @param multipleAnswers whether several answers may be selected (check-all-that-apply)
 * @param answerCodes LOINC answer codes ({@code LA...}) the question accepts, in display order
 */
public record Item(String code, boolean multipleAnswers, List<String> answerCodes) {

    public Item {
        answerCodes = List.copyOf(answerCodes);
    }

    /** A question with exactly one answer. */
    public static Item single(String code, String... answerCodes) {
        return new Item(code, false, List.of(answerCodes));
    }

    /** A check-all-that-apply question. */
    public static Item multiple(String code, String... answerCodes) {
        return new Item(code, true, List.of(answerCodes));
    }

    public boolean accepts(String answerCode) {
        return answerCodes.contains(answerCode);
    }
}
