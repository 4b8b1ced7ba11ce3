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
    void withAPostalCodeTheQueryReadsTheCodesRowsOfTheMatchIndexInRankOrder() {
        String sql = sql(new Person("02118", "65+", "es"), Set.of("svc-a"), Set.of("org-a"));

        assertThat(sql)
                .contains("from match_place m\n where m.postal_code = :postal and m.category = :category")
                .contains("order by m.capacity_unknown, m.pre desc, m.service_id\n limit :window")
                .contains("m.minimum_age <= :ageMax", "m.maximum_age >= :ageMin")
                .contains("jsonb_exists(m.languages, :language) or not m.languages_published or m.interpretation")
                .contains("m.service_id not in (:excluded)", "m.organization_id in (:recipients)")
                .contains("limit :window")
                .doesNotContain("02118", "65", "'es'", "svc-a", "org-a");
    }

    @Test
    void withoutFactsTheQueryReadsTheCategoryAndChecksNothingOfThePerson() {
        String sql = sql(Person.UNKNOWN, Set.of(), null);

        assertThat(sql)
                .contains("from match_service m\n where m.category = :category")
                .doesNotContain("match_place", "person", ":postal", ":ageMax", ":language", ":excluded", ":recipients");
    }

    @Test
    void consentThatCoversNoOrganizationQualifiesNothing() {
        assertThat(sql(Person.UNKNOWN, Set.of(), Set.of())).contains(" and false");
    }
}
