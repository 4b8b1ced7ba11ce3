package org.careloop.directory.matching;

/**
 * Why the services listed under a category did not qualify for a person, one reason per service: the first of
 * already tried, outside the person's consent, not active, out of area, age, language, full.
 *
 * @param listed services listed under the category
 * @param tried already tried for the need
 * @param outsideConsent of organizations the person's consent does not cover
 * @param notActive not {@code active}
 * @param outOfArea neither covering the person's postal code by area nor located within their radius of it
 * @param age not accepting the person's age band
 * @param language neither speaking the person's language nor offering interpretation
 * @param full no place free after holds
 */
public record Unqualified(
        int listed, int tried, int outsideConsent, int notActive, int outOfArea, int age, int language, int full) {}
