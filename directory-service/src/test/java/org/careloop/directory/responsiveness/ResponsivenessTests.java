package org.careloop.directory.responsiveness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsivenessTests {

    @Test
    void theOwnersFirstResponseToARequestedReferralCounts() {
        assertThat(Responsiveness.classify("requested", "accepted", null, "owner"))
                .contains(ResponseKind.ACCEPTED);
        assertThat(Responsiveness.classify("requested", "in-progress", null, "owner"))
                .contains(ResponseKind.ACCEPTED);
        assertThat(Responsiveness.classify("requested", "rejected", "no-capacity", "owner"))
                .contains(ResponseKind.REJECTED);
        assertThat(Responsiveness.classify("requested", "failed", null, "owner"))
                .contains(ResponseKind.REJECTED);
    }

    @Test
    void aRecallCountsAsNoResponse() {
        assertThat(Responsiveness.classify("requested", "cancelled", "recalled-no-response", "system"))
                .contains(ResponseKind.RECALLED);
    }

    @Test
    void changesMadeOnTheOwnersBehalfOrByOthersAreNotItsResponse() {
        assertThat(Responsiveness.classify("requested", "accepted", null, "coordinator"))
                .contains(ResponseKind.NONE);
        assertThat(Responsiveness.classify("requested", "rejected", null, "coordinator"))
                .contains(ResponseKind.NONE);
        assertThat(Responsiveness.classify("requested", "cancelled", "withdrawn-by-requester", "requester"))
                .contains(ResponseKind.NONE);
        assertThat(Responsiveness.classify("requested", "entered-in-error", null, "requester"))
                .contains(ResponseKind.NONE);
    }

    @Test
    void olderProducersWithoutARoleAreReadAsTheOwnerForOwnerStatusesOnly() {
        assertThat(Responsiveness.classify("requested", "accepted", null, null)).contains(ResponseKind.ACCEPTED);
        assertThat(Responsiveness.classify("requested", "cancelled", null, null))
                .contains(ResponseKind.NONE);
    }

    @Test
    void onlyTheWayOutOfRequestedIsAResponse() {
        assertThat(Responsiveness.classify(null, "requested", null, "system")).isEmpty();
        assertThat(Responsiveness.classify("draft", "requested", null, "requester"))
                .isEmpty();
        assertThat(Responsiveness.classify("accepted", "in-progress", null, "owner"))
                .isEmpty();
        assertThat(Responsiveness.classify("accepted", "completed", null, "owner"))
                .isEmpty();
        assertThat(Responsiveness.classify(null, "accepted", null, "owner")).isEmpty();
    }

    @Test
    void theAcceptanceRateHasANeutralPrior() {
        assertThat(Responsiveness.acceptanceRate(0, 0)).isEqualTo(0.5);
        assertThat(Responsiveness.acceptanceRate(4, 5)).isEqualTo(5.0 / 7.0);
        assertThat(Responsiveness.acceptanceRate(0, 3)).isEqualTo(0.2);
        assertThat(new ResponsivenessStats(8, 4, 1, 1, null, 0).acceptanceRate())
                .isEqualTo(5.0 / 8.0);
    }

    @Test
    void theMedianIsTheMiddleSampleOrTheMeanOfTheMiddleTwo() {
        assertThat(Responsiveness.median(List.of())).isNull();
        assertThat(Responsiveness.median(List.of(7L))).isEqualTo(7.0);
        assertThat(Responsiveness.median(List.of(9L, 1L, 5L))).isEqualTo(5.0);
        assertThat(Responsiveness.median(List.of(10L, 2L, 4L, 100L))).isEqualTo(7.0);
        assertThat(new ResponsivenessStats(1, 1, 0, 0, 5400.0, 1).medianHoursToAcknowledge())
                .isEqualTo(1.5);
    }
}
