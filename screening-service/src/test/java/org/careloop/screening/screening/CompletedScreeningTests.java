package org.careloop.screening.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.consent.service.ConsentService;
import org.careloop.screening.person.Person;
import org.careloop.screening.person.PersonDetails;
import org.careloop.screening.person.service.PersonService;
import org.careloop.screening.scoring.AhcHrsn;
import org.careloop.screening.scoring.Answer;
import org.careloop.screening.scoring.Finding;
import org.careloop.screening.screening.messaging.ScreeningEvents;
import org.junit.jupiter.api.Test;

/** The rows of a scored screening and the event that reports it. */
class CompletedScreeningTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

    private final NewScreening submitted = new NewScreening(
            "patient-7",
            "org-eastside-clinic",
            "clinician",
            "AHC-HRSN",
            List.of(Answer.of("96778-6", "LA28580-1", "LA31996-4"), Answer.of("88122-7", "LA28397-0")),
            new ConsentService.Terms(true, List.of("org-foodbank"), NOW.plusSeconds(86_400)),
            null);

    private static final String REF = "p1-" + "A".repeat(43);

    private final List<Finding> findings =
            List.of(Finding.of("inadequate-housing", "96778-6"), Finding.of("food-insecurity", "88122-7"));

    @Test
    void buildsRowsThatReferToTheScreening() {
        var completed = CompletedScreening.of(submitted, new AhcHrsn(), findings, NOW);

        Screening screening = completed.screening();
        assertThat(screening.id).isNotNull().isEqualTo(completed.id());
        // The clinic's identifier is not stored on the screening: it moves into the person's encrypted details.
        assertThat(screening.patientId).isNull();
        assertThat(completed.patientId()).isEqualTo("patient-7");
        assertThat(screening.requesterOrganizationId).isEqualTo("org-eastside-clinic");
        assertThat(screening.instrument).isEqualTo("AHC-HRSN");
        assertThat(screening.instrumentVersion).isEqualTo("2018-core");
        assertThat(screening.completedAt).isEqualTo(NOW);

        assertThat(completed.answers())
                .allSatisfy(a -> assertThat(a.screeningId).isEqualTo(screening.id));
        assertThat(completed.answers()).extracting(a -> a.ordinal).containsExactly(0, 1);
        assertThat(completed.answers()).extracting(a -> a.question).containsExactly("96778-6", "88122-7");
        assertThat(completed.answers().getFirst().answerCodes).containsExactly("LA28580-1", "LA31996-4");

        assertThat(completed.needs()).allSatisfy(n -> assertThat(n.screeningId).isEqualTo(screening.id));
        assertThat(completed.needs())
                .extracting(n -> n.id)
                .doesNotHaveDuplicates()
                .doesNotContainNull();
        assertThat(completed.needs())
                .extracting(n -> n.category)
                .containsExactly("inadequate-housing", "food-insecurity");

        assertThat(completed.consent().screeningId).isEqualTo(screening.id);
        assertThat(completed.consent().shareWithCommunityOrganizations).isTrue();
        assertThat(completed.consent().recordedAt).isEqualTo(NOW);
        assertThat(completed.consent().recordedBy).isEqualTo("clinician");
    }

    @Test
    void theEventCarriesThePersonReferenceCodesAndCoarseRoutingFactsOnly() throws Exception {
        var completed = CompletedScreening.of(submitted, new AhcHrsn(), findings, NOW);
        PersonDetails details = new PersonDetails(
                "patient-7",
                "Maria",
                "Lopez",
                LocalDate.of(1990, 4, 2),
                "+16175550100",
                "maria@example.org",
                new PersonDetails.Address(List.of("1 Main St"), "Boston", "MA", "02118-4433", "US"),
                "sms",
                "mornings");
        ConsentDecision decision = ConsentDecision.record(
                REF,
                "org-eastside-clinic",
                true,
                List.of("org-foodbank"),
                NOW.plusSeconds(86_400),
                completed.id(),
                "clinician",
                NOW);

        ScreeningCompleted event =
                ScreeningEvents.completed(completed, new PersonService.Known(person(true, "es"), details), decision);

        assertThat(event.screeningId()).isEqualTo(completed.id());
        assertThat(event.patientId()).isEqualTo(REF);
        assertThat(event.consent().consentId()).isEqualTo(decision.id);
        assertThat(event.consent().recipients()).containsExactly("org-foodbank");
        assertThat(event.doNotContact()).isTrue();
        assertThat(event.postalArea()).isEqualTo("021");
        assertThat(event.ageBand()).isEqualTo("26-44");
        assertThat(event.preferredLanguage()).isEqualTo("es");
        // The ZIP5 for matching by place; never the +4 part, which narrows the place to a few houses.
        assertThat(event.postalCode()).isEqualTo("02118");
        String json = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .writeValueAsString(event);
        assertThat(json)
                .doesNotContain(
                        "patient-7", "Maria", "Lopez", "1990", "6175550100", "maria@", "Main St", "4433", "Boston");
        assertThat(event.requesterOrganizationId()).isEqualTo("org-eastside-clinic");
        assertThat(event.instrument()).isEqualTo("AHC-HRSN");
        assertThat(event.instrumentVersion()).isEqualTo("2018-core");
        assertThat(event.completedAt()).isEqualTo(NOW);
        assertThat(event.consentToShare()).isTrue();
        assertThat(event.needs())
                .containsExactly(
                        new ScreeningCompleted.Need(
                                completed.needs().get(0).id, "inadequate-housing", List.of("96778-6"), false),
                        new ScreeningCompleted.Need(
                                completed.needs().get(1).id, "food-insecurity", List.of("88122-7"), false));
    }

    @Test
    void aScreeningWithoutNeedsOrConsentIsStillAnEvent() {
        var declined = new NewScreening(
                "patient-8",
                "org-eastside-clinic",
                "clinician",
                "AHC-HRSN",
                List.of(Answer.of("93030-5", "LA32-8")),
                new ConsentService.Terms(false, null, null),
                null);
        var completed = CompletedScreening.of(declined, new AhcHrsn(), List.of(), NOW);
        ConsentDecision refused =
                ConsentDecision.record(REF, "org-eastside-clinic", false, null, null, completed.id(), "clinician", NOW);

        ScreeningCompleted event = ScreeningEvents.completed(
                completed, new PersonService.Known(person(false, null), PersonDetails.of("patient-8")), refused);

        assertThat(event.needs()).isEmpty();
        assertThat(event.consentToShare()).isFalse();
        assertThat(event.postalArea()).isNull();
        assertThat(event.postalCode()).isNull();
        assertThat(event.ageBand()).isNull();
        assertThat(refused.status).isEqualTo("refused");
    }

    private static Person person(boolean doNotContact, String language) {
        Person person = new Person();
        person.personRef = REF;
        person.organizationId = "org-eastside-clinic";
        person.doNotContact = doNotContact;
        person.preferredLanguage = language;
        return person;
    }
}
