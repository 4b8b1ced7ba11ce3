package org.careloop.directory.holds;

import static org.assertj.core.api.Assertions.assertThat;

import org.careloop.contracts.codes.ReferralStatusCodes;
import org.junit.jupiter.api.Test;

class HoldTransitionsTests {

    @Test
    void eachReferralStatusCallsForAHoldState() {
        assertThat(HoldTransitions.target("requested")).contains(HoldState.TENTATIVE);
        for (String taken : new String[] {"accepted", "in-progress", "on-hold"}) {
            assertThat(HoldTransitions.target(taken)).as(taken).contains(HoldState.FIRM);
        }
        for (String end : new String[] {"rejected", "cancelled", "failed", "completed", "entered-in-error"}) {
            assertThat(HoldTransitions.target(end)).as(end).contains(HoldState.RELEASED);
        }
        assertThat(HoldTransitions.target("draft")).isEmpty();
        assertThat(ReferralStatusCodes.ALL).as("every status is covered").allSatisfy(status -> assertThat(
                        HoldTransitions.target(status).isPresent() || status.equals("draft"))
                .isTrue());
    }

    @Test
    void aRequestedReferralWithoutAHoldTakesAPlace() {
        HoldTransition t = HoldTransitions.decide(null, null, 1, "requested");

        assertThat(t.apply()).isTrue();
        assertThat(t.to()).isEqualTo(HoldState.TENTATIVE);
        assertThat(t.heldDelta()).isEqualTo(1);
    }

    @Test
    void claimingAMatchHoldTakesNoSecondPlace() {
        HoldTransition t = HoldTransitions.decide(HoldState.TENTATIVE, null, 1, "requested");

        assertThat(t.apply()).isTrue();
        assertThat(t.changesState()).isFalse();
        assertThat(t.heldDelta()).isZero();
    }

    @Test
    void acceptanceFirmsTheHoldAndAnEndReleasesIt() {
        HoldTransition firm = HoldTransitions.decide(HoldState.TENTATIVE, 1L, 2, "accepted");
        HoldTransition progress = HoldTransitions.decide(HoldState.FIRM, 2L, 3, "in-progress");
        HoldTransition done = HoldTransitions.decide(HoldState.FIRM, 3L, 4, "completed");

        assertThat(firm.to()).isEqualTo(HoldState.FIRM);
        assertThat(firm.heldDelta()).isZero();
        assertThat(progress.changesState()).isFalse();
        assertThat(done.to()).isEqualTo(HoldState.RELEASED);
        assertThat(done.heldDelta()).isEqualTo(-1);
    }

    @Test
    void aRejectionOfARequestedReferralGivesThePlaceBack() {
        HoldTransition t = HoldTransitions.decide(HoldState.TENTATIVE, 1L, 2, "rejected");

        assertThat(t.to()).isEqualTo(HoldState.RELEASED);
        assertThat(t.heldDelta()).isEqualTo(-1);
    }

    @Test
    void replayedDuplicatedAndOutOfOrderEventsChangeNothing() {
        HoldTransition replay = HoldTransitions.decide(HoldState.FIRM, 2L, 2, "accepted");
        HoldTransition older = HoldTransitions.decide(HoldState.RELEASED, 3L, 1, "requested");

        assertThat(replay.apply()).isFalse();
        assertThat(replay.heldDelta()).isZero();
        assertThat(replay.ignoredBecause()).isEqualTo("version 2 already applied");
        assertThat(older.apply()).isFalse();
        assertThat(older.to()).isEqualTo(HoldState.RELEASED);
    }

    @Test
    void aReleasedHoldNeverOpensAgain() {
        HoldTransition t = HoldTransitions.decide(HoldState.RELEASED, 3L, 4, "requested");
        HoldTransition expired = HoldTransitions.decide(HoldState.RELEASED, null, 1, "requested");

        assertThat(t.apply()).isFalse();
        assertThat(t.to()).isEqualTo(HoldState.RELEASED);
        assertThat(t.heldDelta()).isZero();
        assertThat(t.ignoredBecause()).isEqualTo("its hold was released");
        assertThat(expired.apply()).isFalse();
    }

    @Test
    void aReferralFirstSeenAtItsEndIsRecordedWithoutTakingAPlace() {
        HoldTransition t = HoldTransitions.decide(null, null, 3, "completed");

        assertThat(t.to()).isEqualTo(HoldState.RELEASED);
        assertThat(t.heldDelta()).isZero();
    }

    @Test
    void aDraftNeitherTakesNorGivesBack() {
        assertThat(HoldTransitions.decide(null, null, 1, "draft").to()).isNull();
        HoldTransition t = HoldTransitions.decide(HoldState.TENTATIVE, 1L, 2, "draft");
        assertThat(t.to()).isEqualTo(HoldState.TENTATIVE);
        assertThat(t.heldDelta()).isZero();
    }
}
