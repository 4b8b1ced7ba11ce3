package org.careloop.directory.matching;

/**
 * A candidate in its place.
 *
 * @param rank 1 for the best
 * @param candidate the service
 * @param reason why it qualifies, for people reading the match
 */
public record RankedCandidate(int rank, Candidate candidate, String reason) {}
