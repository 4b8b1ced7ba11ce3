package org.careloop.screening.scoring;

/**
 * Why submitted answers do not fit an instrument.
 *
 * @param field path of the offending field in the request, e.g. {@code answers[1].answers[0]}
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {}
