package org.careloop.directory.matching;

/**
 * The parts of a candidate's score, each from 0 to 1.
 *
 * @param capacity places free after holds, with diminishing returns
 * @param acceptance acceptance rate with a neutral prior
 * @param acknowledgement speed of acknowledgement, from the median time with a neutral prior
 * @param freshness how recently the service's information was confirmed
 * @param load how few holds its organization took recently, relative to the least loaded candidate
 * @param distance how close its nearest location is to the person's postal code; neutral (0.5) when not known
 */
public record Scores(
        double capacity, double acceptance, double acknowledgement, double freshness, double load, double distance) {}
