package org.careloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.AgeBands;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.contracts.codes.ChaseKinds;
import org.careloop.contracts.codes.ConsentStatusCodes;
import org.careloop.contracts.codes.OutcomeCodes;
import org.careloop.contracts.codes.ReferralStatusCodes;
import org.careloop.contracts.codes.SdohCategories;
import org.careloop.contracts.codes.StatusReasonCodes;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.contracts.referral.ReferralUpdated;
import org.junit.jupiter.api.Test;

/** The codes are written once, in {@code codes}; every pattern, list and schema enum built from them must agree. */
class ContractCodesTests {

    @Test
    void referralStatusPatternListAndSchemaAgree() throws IOException {
        assertThat(ReferralStatusCodes.ALL).hasSize(10).doesNotHaveDuplicates();
        assertThat(List.of(ReferralStatusCodes.PATTERN.split("\\|")))
                .containsExactlyElementsOf(ReferralStatusCodes.ALL);
        assertThat(List.of(ReferralStatusCodes.LIST.split(", "))).containsExactlyElementsOf(ReferralStatusCodes.ALL);
        assertThat(ReferralUpdated.statusCodes()).containsExactlyElementsOf(ReferralStatusCodes.ALL);
        var schema = EventSchemaTests.schemaNode(EventTypes.REFERRAL_UPDATED);
        assertThat(EventSchemaTests.enumOf(schema, "/properties/status/enum"))
                .containsExactlyElementsOf(ReferralStatusCodes.ALL);
        assertThat(EventSchemaTests.enumOf(schema, "/properties/previousStatus/enum"))
                .containsExactlyElementsOf(ReferralStatusCodes.ALL);
        assertThat(ReferralStatusCodes.ALL)
                .containsAll(ReferralStatusCodes.TERMINAL)
                .containsAll(ReferralStatusCodes.TAKEN_ON)
                .containsAll(ReferralStatusCodes.OWNER_RESPONSES);
    }

    @Test
    void consentAndAgeCodesAreTheSchemasEnums() throws IOException {
        assertThat(EventSchemaTests.enumOf(
                        EventSchemaTests.schemaNode(EventTypes.CONSENT_CHANGED), "/properties/status/enum"))
                .containsExactlyElementsOf(ConsentStatusCodes.ALL);
        assertThat(EventSchemaTests.enumOf(
                        EventSchemaTests.schemaNode(EventTypes.SCREENING_COMPLETED), "/properties/ageBand/enum"))
                .containsExactlyElementsOf(AgeBands.ALL);
        assertThat(AgeBands.of(java.time.LocalDate.of(2000, 6, 1), java.time.LocalDate.of(2026, 5, 31)))
                .isEqualTo(AgeBands.YOUNG_ADULT);
        assertThat(AgeBands.of(java.time.LocalDate.of(2000, 6, 1), java.time.LocalDate.of(2026, 6, 1)))
                .isEqualTo(AgeBands.ADULT);
    }

    @Test
    void sdohCategoriesAreTheTwentyFourCodesOfTheValueSet() {
        assertThat(SdohCategories.CODES).hasSize(24).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z-]+"));
        assertThat(SdohCategories.isCode("food-insecurity")).isTrue();
        assertThat(SdohCategories.isCode("interpersonal-safety")).isFalse();
    }

    @Test
    void patternsInRecordAnnotationsListEveryCode() {
        assertThat(List.of(ReferralUpdated.ROLES.split("\\|"))).containsExactlyElementsOf(ActorRoles.ALL);
        assertThat(List.of(OutcomeCodes.PATTERN.split("\\|"))).containsExactlyElementsOf(OutcomeCodes.ALL);
        assertThat(List.of(ReferralChased.KINDS.split("\\|"))).containsExactlyElementsOf(ChaseKinds.ALL);
        assertThat(List.of(CapacityChanged.CAUSES.split("\\|"))).containsExactlyElementsOf(CapacityCauses.ALL);
        assertThat(List.of(ConsentStatusCodes.PATTERN.split("\\|"))).containsExactlyElementsOf(ConsentStatusCodes.ALL);
        assertThat(List.of(AgeBands.PATTERN.replace("\\+", "+").split("\\|"))).containsExactlyElementsOf(AgeBands.ALL);
        assertThat(StatusReasonCodes.ALL).doesNotHaveDuplicates().allSatisfy(c -> assertThat(StatusReasonCodes.DISPLAY)
                .containsKey(c));
    }
}
