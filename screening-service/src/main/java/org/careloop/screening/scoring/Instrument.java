package org.careloop.screening.scoring;

import java.util.List;
import java.util.Optional;

/**
 * A screening instrument: the questions it asks and the rules that turn answers into needs. Implementations are pure
 * Java so every rule can be tested without a container; new instruments plug in through {@link InstrumentCatalog}.
 */
public interface Instrument {

    /** Instrument code clients submit, e.g. {@code AHC-HRSN}. */
    String code();

    /** Version of the questions and scoring rules, stored with every screening. */
    String version();

    /** The questions, in the instrument's order. */
    List<Item> items();

    default Optional<Item> item(String questionCode) {
        return items().stream().filter(i -> i.code().equals(questionCode)).findFirst();
    }

    /**
     * Scores validated answers. Unanswered questions produce no need.
     *
     * @param responses answers that passed {@link AnswerValidator#validate(Instrument, List)}
     * @return the positive needs, in the instrument's order; empty if none
     */
    List<Finding> score(Responses responses);
}
