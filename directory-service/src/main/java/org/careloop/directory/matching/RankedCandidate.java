package org.careloop.directory.matching;

/**
 * A candidate in its place.
 *
 * @param rank 1 for the best
 * @param candidate the service
 * @param score the weighted score, 0 to 1
 * @param scores the parts of the score
 * @param reason why it ranks here, for people reading the match
 */
public record RankedCandidate(int rank, Candidate candidate, double score, Scores scores, String reason) {}
