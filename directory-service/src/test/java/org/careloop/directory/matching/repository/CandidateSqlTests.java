package org.careloop.directory.matching.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.careloop.directory.matching.Person;
import org.junit.jupiter.api.Test;

/** The match statement has the checks of the facts the person has, and only those; every value is bound. */
class CandidateSqlTests {

    private static String sql(Person person, Set<String> excluded, Set<String> recipients) {
        return CandidateRepository.qualifyingSql(
                new CandidateRepository.Query("food-insecurity", excluded, recipients, person, 20, Instant.EPOCH));
    }

    @Test
    void withAPostalCodeTheQueryStartsFromThePlace() {
        String sql = sql(new Person("02118", "65+", "es"), Set.of("svc-a"), Set.of("org-a"));

        assertThat(sql)
                .contains("from placed pl join service_category c")
                .contains("service_coverage sc where sc.postal_code = :postal")
                .contains("join service_site ss")
                .contains("jsonb_exists(s.doc, 'careloop_radius_km')")
                .contains("s.minimum_age <= :ageMax", "s.maximum_age >= :ageMin")
                .contains("lang.speaks or not lang.published")
                .contains("s.id not in (:excluded)", "s.organization_id in (:recipients)")
                .contains("limit :window")
                .doesNotContain("02118", "65", "'es'", "svc-a", "org-a");
    }

    @Test
    void withoutFactsTheQueryStartsFromTheCategoryAndChecksNothingOfThePerson() {
        String sql = sql(Person.UNKNOWN, Set.of(), null);

        assertThat(sql)
                .contains("from service_category c join service s")
                .doesNotContain("placed", "person", ":postal", ":ageMax", ":language", ":excluded", ":recipients");
    }

    @Test
    void consentThatCoversNoOrganizationQualifiesNothing() {
        assertThat(sql(Person.UNKNOWN, Set.of(), Set.of())).contains(" and false");
    }
}
