package org.careloop.screening.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.careloop.contracts.screening.ScreeningCompleted;
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
            true);

    private final List<Finding> findings =
            List.of(Finding.of("inadequate-housing", "96778-6"), Finding.of("food-insecurity", "88122-7"));

    @Test
    void buildsRowsThatReferToTheScreening() {
        var completed = CompletedScreening.of(submitted, new AhcHrsn(), findings, NOW);

        Screening screening = completed.screening();
        assertThat(screening.id).isNotNull().isEqualTo(completed.id());
        assertThat(screening.patientId).isEqualTo("patient-7");
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
    void theEventCarriesIdsCodesAndTheConsentFlag() {
        var completed = CompletedScreening.of(submitted, new AhcHrsn(), findings, NOW);

        ScreeningCompleted event = ScreeningEvents.completed(completed);

        assertThat(event.screeningId()).isEqualTo(completed.id());
        assertThat(event.patientId()).isEqualTo("patient-7");
        assertThat(event.requesterOrganizationId()).isEqualTo("org-eastside-clinic");
        assertThat(event.instrument()).isEqualTo("AHC-HRSN");
        assertThat(event.instrumentVersion()).isEqualTo("2018-core");
        assertThat(event.completedAt()).isEqualTo(NOW);
        assertThat(event.consentToShare()).isTrue();
        assertThat(event.needs())
                .containsExactly(
                        new ScreeningCompleted.Need(
                                completed.needs().get(0).id, "inadequate-housing", List.of("96778-6")),
                        new ScreeningCompleted.Need(
                                completed.needs().get(1).id, "food-insecurity", List.of("88122-7")));
    }

    @Test
    void aScreeningWithoutNeedsOrConsentIsStillAnEvent() {
        var declined = new NewScreening(
                "patient-8",
                "org-eastside-clinic",
                "clinician",
                "AHC-HRSN",
                List.of(Answer.of("93030-5", "LA32-8")),
                false);

        ScreeningCompleted event =
                ScreeningEvents.completed(CompletedScreening.of(declined, new AhcHrsn(), List.of(), NOW));

        assertThat(event.needs()).isEmpty();
        assertThat(event.consentToShare()).isFalse();
    }
}
