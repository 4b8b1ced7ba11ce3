package org.careloop.screening.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.careloop.screening.scoring.AhcHrsn.*;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every AHC HRSN core scoring rule, including its edges. */
class AhcHrsnTests {

    private final AhcHrsn ahc = new AhcHrsn();

    private List<Finding> score(Answer... answers) {
        assertThat(AnswerValidator.validate(ahc, List.of(answers))).isEmpty();
        return ahc.score(Responses.of(answers));
    }

    @Test
    void describesTheTenCoreItemsWithOnlyTheHousingProblemsItemMultiSelect() {
        assertThat(ahc.code()).isEqualTo("AHC-HRSN");
        assertThat(ahc.version()).isEqualTo("2018-core");
        assertThat(ahc.items())
                .extracting(Item::code)
                .containsExactly(
                        "71802-3", "96778-6", "88122-7", "88123-5", "93030-5", "96779-4", "95618-5", "95617-7",
                        "95616-9", "95615-1");
        assertThat(ahc.items())
                .filteredOn(Item::multipleAnswers)
                .extracting(Item::code)
                .containsExactly("96778-6");
        assertThat(ahc.item("96778-6").orElseThrow().answerCodes()).hasSize(8).contains("LA9-3");
    }

    @Test
    void anEmptyScreeningHasNoNeeds() {
        assertThat(ahc.score(Responses.of())).isEmpty();
    }

    @Test
    void aFullyNegativeScreeningHasNoNeeds() {
        assertThat(score(
                        Answer.of(LIVING_SITUATION, STEADY_PLACE),
                        Answer.of(HOUSING_PROBLEMS, NONE_OF_THE_ABOVE),
                        Answer.of(FOOD_WORRIED, NEVER_TRUE),
                        Answer.of(FOOD_DID_NOT_LAST, NEVER_TRUE),
                        Answer.of(TRANSPORTATION, NO),
                        Answer.of(UTILITIES, NO),
                        Answer.of(PHYSICALLY_HURT, NEVER),
                        Answer.of(INSULT, NEVER),
                        Answer.of(THREATEN, NEVER),
                        Answer.of(SCREAM, NEVER)))
                .isEmpty();
    }

    @Test
    void aFullyPositiveScreeningListsNeedsInTheInstrumentsOrder() {
        assertThat(score(
                        Answer.of(SCREAM, FREQUENTLY),
                        Answer.of(UTILITIES, YES),
                        Answer.of(LIVING_SITUATION, NO_STEADY_PLACE),
                        Answer.of(HOUSING_PROBLEMS, MOLD, PESTS),
                        Answer.of(FOOD_WORRIED, OFTEN_TRUE),
                        Answer.of(FOOD_DID_NOT_LAST, SOMETIMES_TRUE),
                        Answer.of(TRANSPORTATION, YES),
                        Answer.of(PHYSICALLY_HURT, FREQUENTLY),
                        Answer.of(INSULT, FREQUENTLY),
                        Answer.of(THREATEN, FREQUENTLY)))
                .containsExactly(
                        Finding.of("homelessness", "71802-3"),
                        Finding.of("inadequate-housing", "96778-6"),
                        Finding.of("food-insecurity", "88122-7", "88123-5"),
                        Finding.of("transportation-insecurity", "93030-5"),
                        Finding.of("utility-insecurity", "96779-4"),
                        Finding.sensitive(
                                "sdoh-category-unspecified",
                                java.util.List.of("95618-5", "95617-7", "95616-9", "95615-1")));
    }

    @Nested
    class LivingSituation {

        @Test
        void worriedAboutLosingItIsHousingInstability() {
            assertThat(score(Answer.of(LIVING_SITUATION, WORRIED_ABOUT_LOSING)))
                    .containsExactly(Finding.of("housing-instability", "71802-3"));
        }

        @Test
        void noSteadyPlaceIsHomelessness() {
            assertThat(score(Answer.of(LIVING_SITUATION, NO_STEADY_PLACE)))
                    .containsExactly(Finding.of("homelessness", "71802-3"));
        }

        @Test
        void aSteadyPlaceIsNoNeed() {
            assertThat(score(Answer.of(LIVING_SITUATION, STEADY_PLACE))).isEmpty();
        }
    }

    @Nested
    class HousingProblems {

        @Test
        void noneOfTheAboveAloneIsNoNeed() {
            assertThat(score(Answer.of(HOUSING_PROBLEMS, NONE_OF_THE_ABOVE))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"LA31996-4", "LA28580-1", "LA31997-2", "LA31998-0", "LA31999-8", "LA32000-4", "LA32001-2"})
        void anyProblemIsInadequateHousing(String problem) {
            assertThat(score(Answer.of(HOUSING_PROBLEMS, problem)))
                    .containsExactly(Finding.of("inadequate-housing", "96778-6"));
        }

        @Test
        void severalProblemsAreOneNeed() {
            assertThat(score(Answer.of(HOUSING_PROBLEMS, PESTS, MOLD, LEAD, WATER_LEAKS)))
                    .containsExactly(Finding.of("inadequate-housing", "96778-6"));
        }

        @Test
        void aProblemNextToNoneOfTheAboveStillCounts() {
            assertThat(score(Answer.of(HOUSING_PROBLEMS, NONE_OF_THE_ABOVE, LACK_OF_HEAT)))
                    .containsExactly(Finding.of("inadequate-housing", "96778-6"));
        }
    }

    @Nested
    class Food {

        @ParameterizedTest
        @CsvSource({"LA28397-0", "LA6729-3"})
        void oftenOrSometimesOnTheFirstItemIsFoodInsecurity(String answer) {
            assertThat(score(Answer.of(FOOD_WORRIED, answer), Answer.of(FOOD_DID_NOT_LAST, NEVER_TRUE)))
                    .containsExactly(Finding.of("food-insecurity", "88122-7"));
        }

        @ParameterizedTest
        @CsvSource({"LA28397-0", "LA6729-3"})
        void oftenOrSometimesOnTheSecondItemIsFoodInsecurity(String answer) {
            assertThat(score(Answer.of(FOOD_WORRIED, NEVER_TRUE), Answer.of(FOOD_DID_NOT_LAST, answer)))
                    .containsExactly(Finding.of("food-insecurity", "88123-5"));
        }

        @Test
        void bothPositiveIsOneNeedWithBothItemsAsEvidence() {
            assertThat(score(Answer.of(FOOD_DID_NOT_LAST, OFTEN_TRUE), Answer.of(FOOD_WORRIED, SOMETIMES_TRUE)))
                    .containsExactly(Finding.of("food-insecurity", "88122-7", "88123-5"));
        }

        @Test
        void onlyOneItemAnsweredIsScoredOnItsOwn() {
            assertThat(score(Answer.of(FOOD_DID_NOT_LAST, SOMETIMES_TRUE)))
                    .containsExactly(Finding.of("food-insecurity", "88123-5"));
            assertThat(score(Answer.of(FOOD_WORRIED, NEVER_TRUE))).isEmpty();
        }

        @Test
        void neverTrueOnBothIsNoNeed() {
            assertThat(score(Answer.of(FOOD_WORRIED, NEVER_TRUE), Answer.of(FOOD_DID_NOT_LAST, NEVER_TRUE)))
                    .isEmpty();
        }
    }

    @Nested
    class TransportationAndUtilities {

        @Test
        void transportationYesIsTransportationInsecurity() {
            assertThat(score(Answer.of(TRANSPORTATION, YES)))
                    .containsExactly(Finding.of("transportation-insecurity", "93030-5"));
            assertThat(score(Answer.of(TRANSPORTATION, NO))).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"LA33-6", "LA32002-0"})
        void threatenedOrAlreadyShutOffIsUtilityInsecurity(String answer) {
            assertThat(score(Answer.of(UTILITIES, answer)))
                    .containsExactly(Finding.of("utility-insecurity", "96779-4"));
        }

        @Test
        void utilitiesNoIsNoNeed() {
            assertThat(score(Answer.of(UTILITIES, NO))).isEmpty();
        }
    }

    @Nested
    class Safety {

        private List<Finding> safety(String hurt, String insult, String threaten, String scream) {
            return score(
                    Answer.of(PHYSICALLY_HURT, hurt),
                    Answer.of(INSULT, insult),
                    Answer.of(THREATEN, threaten),
                    Answer.of(SCREAM, scream));
        }

        @Test
        void eachFrequencyScoresOneToFive() {
            assertThat(ahc.safetyScore(Responses.of(
                            Answer.of(PHYSICALLY_HURT, NEVER),
                            Answer.of(INSULT, RARELY),
                            Answer.of(THREATEN, SOMETIMES),
                            Answer.of(SCREAM, FAIRLY_OFTEN))))
                    .contains(1 + 2 + 3 + 4);
            assertThat(ahc.safetyScore(Responses.of(
                            Answer.of(PHYSICALLY_HURT, FREQUENTLY),
                            Answer.of(INSULT, FREQUENTLY),
                            Answer.of(THREATEN, FREQUENTLY),
                            Answer.of(SCREAM, FREQUENTLY))))
                    .contains(20);
        }

        @Test
        void aSumOfTenIsNoNeed() {
            // 4 + 3 + 2 + 1 = 10, one below the CMS cut-off
            assertThat(safety(FAIRLY_OFTEN, SOMETIMES, RARELY, NEVER)).isEmpty();
        }

        @Test
        void aSumOfElevenIsANeedWithTheFourItemsAsEvidence() {
            // 5 + 3 + 2 + 1 = 11
            assertThat(safety(FREQUENTLY, SOMETIMES, RARELY, NEVER))
                    .containsExactly(Finding.sensitive(
                            "sdoh-category-unspecified",
                            java.util.List.of("95618-5", "95617-7", "95616-9", "95615-1")));
        }

        @Test
        void theLowestAndHighestSums() {
            assertThat(safety(NEVER, NEVER, NEVER, NEVER)).isEmpty();
            assertThat(safety(FREQUENTLY, FREQUENTLY, FREQUENTLY, FREQUENTLY))
                    .extracting(Finding::category)
                    .containsExactly("sdoh-category-unspecified");
        }

        @Test
        void threeAnsweredItemsAreNotScoredEvenIfTheyAlreadyReachTheThreshold() {
            assertThat(score(
                            Answer.of(PHYSICALLY_HURT, FREQUENTLY),
                            Answer.of(INSULT, FREQUENTLY),
                            Answer.of(THREATEN, FREQUENTLY)))
                    .isEmpty();
            assertThat(ahc.safetyScore(Responses.of(Answer.of(SCREAM, FREQUENTLY))))
                    .isEmpty();
        }

        @Test
        void theThresholdIsConfigurable() {
            AhcHrsn stricter = new AhcHrsn(8);
            Responses eight = Responses.of(
                    Answer.of(PHYSICALLY_HURT, RARELY),
                    Answer.of(INSULT, RARELY),
                    Answer.of(THREATEN, RARELY),
                    Answer.of(SCREAM, RARELY));
            assertThat(stricter.score(eight))
                    .extracting(Finding::category)
                    .containsExactly("sdoh-category-unspecified");
            assertThat(ahc.score(eight)).isEmpty();
            assertThat(stricter.safetyThreshold()).isEqualTo(8);
            assertThat(ahc.safetyThreshold()).isEqualTo(11);
        }

        @Test
        void aThresholdNoSumCanReachOrEveryoneReachesIsRejected() {
            assertThatThrownBy(() -> new AhcHrsn(3)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AhcHrsn(21)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void responsesRefuseAQuestionAnsweredTwice() {
        assertThatThrownBy(() -> Responses.of(Answer.of(TRANSPORTATION, YES), Answer.of(TRANSPORTATION, NO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
