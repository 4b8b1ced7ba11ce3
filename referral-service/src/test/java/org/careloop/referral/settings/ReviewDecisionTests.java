package org.careloop.referral.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewDecisionTests {

    @Test
    void theClinicsSettingDecidesForOrdinaryNeeds() {
        assertThat(ReviewDecision.review(RoutingMode.AUTO, false)).isFalse();
        assertThat(ReviewDecision.review(RoutingMode.REVIEW, false)).isTrue();
    }

    @Test
    void anInterpersonalSafetyNeedIsAlwaysReviewed() {
        assertThat(ReviewDecision.review(RoutingMode.AUTO, true)).isTrue();
        assertThat(ReviewDecision.review(RoutingMode.REVIEW, true)).isTrue();
    }

    @Test
    void modesAreReadFromTheirCodesOnly() {
        assertThat(RoutingMode.fromCode("auto")).contains(RoutingMode.AUTO);
        assertThat(RoutingMode.fromCode("review")).contains(RoutingMode.REVIEW);
        assertThat(RoutingMode.fromCode("REVIEW")).isEmpty();
        assertThat(RoutingMode.fromCode(null)).isEmpty();
        assertThat(String.join("|", RoutingMode.CODES)).isEqualTo(RoutingMode.PATTERN);
    }
}
