package org.careloop.notification.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.careloop.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations and policy validation, without Quarkus. */
class PolicyRulesTests {

    private static final PolicySettings DEFAULTS = PolicyRules.validate(
                    new PolicyRules.Draft("P1D", "P2D", "P3D", "P14D", "P60D", "P7D", true), null)
            .settings();

    @ParameterizedTest
    @CsvSource({
        "P1D, 1, PT0S, P1D",
        "PT20S, 0, PT20S, PT20S",
        "pt20s, 0, PT20S, PT20S",
        "P1DT4H, 1, PT4H, P1DT4H",
        "PT36H, 0, PT36H, PT36H",
        "PT1H30M, 0, PT1H30M, PT1H30M",
        "PT0.5S, 0, PT0.5S, PT0.5S",
        "P60D, 60, PT0S, P60D"
    })
    void parsesIsoDurationsKeepingTheDayPartApart(String text, long days, String time, String canonical) {
        ChaseDuration d = ChaseDuration.parse(text).orElseThrow();
        assertThat(d.days()).isEqualTo(days);
        assertThat(d.time()).isEqualTo(Duration.parse(time));
        assertThat(d).hasToString(canonical);
        assertThat(ChaseDuration.parse(d.toString())).contains(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "1D", "P1M", "P1Y", "P1W", "PT1.S", "P1DT", "two days", "P1.5D", "PT1H2X"})
    void refusesWhatIsNotADurationOfDaysAndTime(String text) {
        assertThat(ChaseDuration.parse(text)).isEmpty();
    }

    @Test
    void ordersDurationsByNominalLength() {
        assertThat(ChaseDuration.parse("P1D").orElseThrow())
                .isGreaterThan(ChaseDuration.parse("PT23H59M").orElseThrow())
                .isLessThan(ChaseDuration.parse("PT24H1S").orElseThrow());
        assertThat(ChaseDuration.parse("P1D").orElseThrow().nominal()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aCompletePolicyIsValid() {
        PolicyRules.Result result = PolicyRules.validate(
                new PolicyRules.Draft("PT3S", "PT6S", "PT9S", "PT30S", "PT120S", "PT60S", false), null);

        assertThat(result.valid()).isTrue();
        assertThat(result.settings().remindAfter()).hasToString("PT3S");
        assertThat(result.settings().contactWindow()).hasToString("PT2M");
        assertThat(result.settings().businessTime()).isFalse();
    }

    @Test
    void fieldsLeftOutTakeTheBaseValues() {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft("PT3S", "PT6S", "PT9S", null, null, null, false), DEFAULTS);

        assertThat(result.valid()).isTrue();
        assertThat(result.settings().outcomeUpdateAfter()).isEqualTo(DEFAULTS.outcomeUpdateAfter());
        assertThat(result.settings().contactWindow()).isEqualTo(DEFAULTS.contactWindow());
        assertThat(result.settings().businessTime()).isFalse();
        assertThat(PolicyRules.validate(new PolicyRules.Draft(null, null, null, null, null, null, null), DEFAULTS)
                        .settings())
                .isEqualTo(DEFAULTS);
    }

    @Test
    void withoutABaseEveryFieldIsRequired() {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft(null, null, null, null, null, null, null), null);

        assertThat(result.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "remindAfter",
                        "escalateAfter",
                        "recallAfter",
                        "outcomeUpdateAfter",
                        "contactWindow",
                        "contactWarningBefore",
                        "businessTime");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-PT1S", "PT-1S", "-P1D", "P-1D"})
    void aNegativeDurationIsRefusedNamingTheField(String negative) {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft(negative, null, null, null, null, null, null), DEFAULTS);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("remindAfter");
        assertThat(result.errors().getFirst().message()).contains("positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "P0D", "P0DT0H"})
    void aZeroDurationIsRefused(String zero) {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft(null, zero, null, null, null, null, null), DEFAULTS);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("escalateAfter");
    }

    @Test
    void aMalformedDurationIsRefusedWithoutAlsoBeingOutOfOrder() {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft(null, null, "three days", null, null, null, null), DEFAULTS);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("recallAfter");
        assertThat(result.errors().getFirst().message()).contains("ISO-8601").contains("three days");
    }

    @Test
    void aPolicyThatRecallsBeforeItRemindsNamesEveryFieldOutOfOrder() {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft("PT9S", "PT6S", "PT3S", null, null, null, false), DEFAULTS);

        assertThat(result.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("escalateAfter", "recallAfter");
    }

    @Test
    void equalDurationsAreOutOfOrder() {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft("P1D", "PT24H", "P3D", null, null, null, null), DEFAULTS);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("escalateAfter");
    }

    @Test
    void aFieldLeftOutIsCheckedAgainstTheOthers() {
        // Escalation stays at the default P2D: recalling after 1 day would come before it.
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft("PT1H", null, "P1D", null, null, null, null), DEFAULTS);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("recallAfter");
    }

    @Test
    void theWarningMustComeInsideTheContactWindow() {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft(null, null, null, null, "P7D", "P7D", null), DEFAULTS);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("contactWarningBefore");
    }

    @Test
    void anAbsurdlyLongDurationIsRefused() {
        PolicyRules.Result result =
                PolicyRules.validate(new PolicyRules.Draft(null, null, null, "P99999D", null, null, null), DEFAULTS);

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("outcomeUpdateAfter");
    }
}
