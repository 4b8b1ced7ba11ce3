package org.careloop.screening.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.careloop.contracts.codes.SdohCategories;

/**
 * CMS Accountable Health Communities HRSN screening tool, the 10 core items (LOINC panel 96777-8), scored as CMS
 * documents it: underlined answers are positive, and the four safety items are positive when their sum reaches the
 * threshold. Safety maps to {@code sdoh-category-unspecified} as the SHIN-NY HRSN IG does.
 */
public final class AhcHrsn implements Instrument {

    public static final String CODE = "AHC-HRSN";
    public static final String VERSION = "2018-core";
    /** CMS: a safety sum above 10 is positive. */
    public static final int DEFAULT_SAFETY_THRESHOLD = 11;

    public static final String LIVING_SITUATION = "71802-3";
    public static final String HOUSING_PROBLEMS = "96778-6";
    public static final String FOOD_WORRIED = "88122-7";
    public static final String FOOD_DID_NOT_LAST = "88123-5";
    public static final String TRANSPORTATION = "93030-5";
    public static final String UTILITIES = "96779-4";
    public static final String PHYSICALLY_HURT = "95618-5";
    public static final String INSULT = "95617-7";
    public static final String THREATEN = "95616-9";
    public static final String SCREAM = "95615-1";

    public static final String STEADY_PLACE = "LA31993-1";
    public static final String WORRIED_ABOUT_LOSING = "LA31994-9";
    public static final String NO_STEADY_PLACE = "LA31995-6";
    public static final String PESTS = "LA31996-4";
    public static final String MOLD = "LA28580-1";
    public static final String LEAD = "LA31997-2";
    public static final String LACK_OF_HEAT = "LA31998-0";
    public static final String OVEN_NOT_WORKING = "LA31999-8";
    public static final String SMOKE_DETECTORS = "LA32000-4";
    public static final String WATER_LEAKS = "LA32001-2";
    public static final String NONE_OF_THE_ABOVE = "LA9-3";
    public static final String OFTEN_TRUE = "LA28397-0";
    public static final String SOMETIMES_TRUE = "LA6729-3";
    public static final String NEVER_TRUE = "LA28398-8";
    public static final String YES = "LA33-6";
    public static final String NO = "LA32-8";
    public static final String ALREADY_SHUT_OFF = "LA32002-0";
    public static final String NEVER = "LA6270-8";
    public static final String RARELY = "LA10066-1";
    public static final String SOMETIMES = "LA10082-8";
    public static final String FAIRLY_OFTEN = "LA16644-9";
    public static final String FREQUENTLY = "LA6482-9";

    /** HITS frequency answers and their points. */
    private static final Map<String, Integer> SAFETY_POINTS =
            Map.of(NEVER, 1, RARELY, 2, SOMETIMES, 3, FAIRLY_OFTEN, 4, FREQUENTLY, 5);

    private static final List<String> SAFETY_ITEMS = List.of(PHYSICALLY_HURT, INSULT, THREATEN, SCREAM);
    private static final String[] FREQUENCY = {NEVER, RARELY, SOMETIMES, FAIRLY_OFTEN, FREQUENTLY};

    private static final List<Item> ITEMS = List.of(
            Item.single(LIVING_SITUATION, STEADY_PLACE, WORRIED_ABOUT_LOSING, NO_STEADY_PLACE),
            Item.multiple(
                    HOUSING_PROBLEMS,
                    PESTS,
                    MOLD,
                    LEAD,
                    LACK_OF_HEAT,
                    OVEN_NOT_WORKING,
                    SMOKE_DETECTORS,
                    WATER_LEAKS,
                    NONE_OF_THE_ABOVE),
            Item.single(FOOD_WORRIED, OFTEN_TRUE, SOMETIMES_TRUE, NEVER_TRUE),
            Item.single(FOOD_DID_NOT_LAST, OFTEN_TRUE, SOMETIMES_TRUE, NEVER_TRUE),
            Item.single(TRANSPORTATION, YES, NO),
            Item.single(UTILITIES, YES, NO, ALREADY_SHUT_OFF),
            Item.single(PHYSICALLY_HURT, FREQUENCY),
            Item.single(INSULT, FREQUENCY),
            Item.single(THREATEN, FREQUENCY),
            Item.single(SCREAM, FREQUENCY));

    private final int safetyThreshold;

    /** @param safetyThreshold the lowest sum of the four safety items that is positive (CMS: 11) */
    public AhcHrsn(int safetyThreshold) {
        if (safetyThreshold < 4 || safetyThreshold > 20) {
            throw new IllegalArgumentException(
                    "The AHC safety threshold must be between 4 and 20 (four items of 1 to 5), got " + safetyThreshold);
        }
        this.safetyThreshold = safetyThreshold;
    }

    public AhcHrsn() {
        this(DEFAULT_SAFETY_THRESHOLD);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public List<Item> items() {
        return ITEMS;
    }

    public int safetyThreshold() {
        return safetyThreshold;
    }

    @Override
    public List<Finding> score(Responses responses) {
        List<Finding> findings = new ArrayList<>();
        livingSituation(responses).ifPresent(findings::add);
        if (responses.all(HOUSING_PROBLEMS).stream().anyMatch(code -> !NONE_OF_THE_ABOVE.equals(code))) {
            findings.add(Finding.of(SdohCategories.INADEQUATE_HOUSING, HOUSING_PROBLEMS));
        }
        food(responses).ifPresent(findings::add);
        if (responses.single(TRANSPORTATION).filter(YES::equals).isPresent()) {
            findings.add(Finding.of(SdohCategories.TRANSPORTATION_INSECURITY, TRANSPORTATION));
        }
        if (responses
                .single(UTILITIES)
                .filter(a -> YES.equals(a) || ALREADY_SHUT_OFF.equals(a))
                .isPresent()) {
            findings.add(Finding.of(SdohCategories.UTILITY_INSECURITY, UTILITIES));
        }
        safety(responses).ifPresent(findings::add);
        return findings;
    }

    /** The sum of the four safety items (HITS total, LOINC 95614-4), or empty unless all four are answered. */
    public Optional<Integer> safetyScore(Responses responses) {
        int sum = 0;
        for (String item : SAFETY_ITEMS) {
            Optional<String> answer = responses.single(item);
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            sum += SAFETY_POINTS.get(answer.get());
        }
        return Optional.of(sum);
    }

    private static Optional<Finding> livingSituation(Responses responses) {
        return responses.single(LIVING_SITUATION).flatMap(answer -> switch (answer) {
            case WORRIED_ABOUT_LOSING -> Optional.of(Finding.of(SdohCategories.HOUSING_INSTABILITY, LIVING_SITUATION));
            case NO_STEADY_PLACE -> Optional.of(Finding.of(SdohCategories.HOMELESSNESS, LIVING_SITUATION));
            default -> Optional.empty();
        });
    }

    /** Hunger Vital Sign rule: often or sometimes true on either food item is one need. */
    private static Optional<Finding> food(Responses responses) {
        List<String> evidence = List.of(FOOD_WORRIED, FOOD_DID_NOT_LAST).stream()
                .filter(item -> responses
                        .single(item)
                        .filter(a -> OFTEN_TRUE.equals(a) || SOMETIMES_TRUE.equals(a))
                        .isPresent())
                .toList();
        return evidence.isEmpty()
                ? Optional.empty()
                : Optional.of(new Finding(SdohCategories.FOOD_INSECURITY, evidence));
    }

    private Optional<Finding> safety(Responses responses) {
        return safetyScore(responses)
                .filter(sum -> sum >= safetyThreshold)
                .map(sum -> Finding.sensitive(SdohCategories.UNSPECIFIED, SAFETY_ITEMS));
    }
}
