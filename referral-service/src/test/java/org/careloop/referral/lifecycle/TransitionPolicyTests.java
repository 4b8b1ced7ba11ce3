package org.careloop.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.careloop.referral.lifecycle.ReferralStatus.ACCEPTED;
import static org.careloop.referral.lifecycle.ReferralStatus.CANCELLED;
import static org.careloop.referral.lifecycle.ReferralStatus.COMPLETED;
import static org.careloop.referral.lifecycle.ReferralStatus.DRAFT;
import static org.careloop.referral.lifecycle.ReferralStatus.ENTERED_IN_ERROR;
import static org.careloop.referral.lifecycle.ReferralStatus.FAILED;
import static org.careloop.referral.lifecycle.ReferralStatus.IN_PROGRESS;
import static org.careloop.referral.lifecycle.ReferralStatus.ON_HOLD;
import static org.careloop.referral.lifecycle.ReferralStatus.REJECTED;
import static org.careloop.referral.lifecycle.ReferralStatus.REQUESTED;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.careloop.referral.lifecycle.TransitionPolicy.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionPolicyTests {

    /** The lifecycle as the issue states it; every pair not listed here must be refused. */
    private static final Map<ReferralStatus, Set<ReferralStatus>> EXPECTED = Map.of(
            DRAFT, EnumSet.of(REQUESTED, CANCELLED, ENTERED_IN_ERROR),
            REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED, ENTERED_IN_ERROR),
            ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR),
            IN_PROGRESS, EnumSet.of(ON_HOLD, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR),
            ON_HOLD, EnumSet.of(IN_PROGRESS, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR),
            REJECTED, EnumSet.noneOf(ReferralStatus.class),
            CANCELLED, EnumSet.noneOf(ReferralStatus.class),
            FAILED, EnumSet.noneOf(ReferralStatus.class),
            COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            ENTERED_IN_ERROR, EnumSet.noneOf(ReferralStatus.class));

    @Test
    void everyPairOfStatusesFollowsTheLifecycle() {
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                assertThat(TransitionPolicy.isAllowed(from, to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to));
            }
            assertThat(TransitionPolicy.nextStatuses(from))
                    .as("next of %s", from)
                    .isEqualTo(EXPECTED.get(from));
        }
    }

    @ParameterizedTest
    @EnumSource(ReferralStatus.class)
    void noStatusLeadsToItself(ReferralStatus status) {
        assertThat(TransitionPolicy.isAllowed(status, status)).isFalse();
    }

    @Test
    void rejectedCancelledFailedCompletedAndEnteredInErrorAreTerminal() {
        assertThat(EnumSet.allOf(ReferralStatus.class).stream().filter(TransitionPolicy::isTerminal))
                .containsExactlyInAnyOrder(REJECTED, CANCELLED, FAILED, COMPLETED, ENTERED_IN_ERROR);
    }

    @Test
    void nothingLeadsBackToDraft() {
        for (ReferralStatus from : ReferralStatus.values()) {
            assertThat(TransitionPolicy.isAllowed(from, DRAFT)).isFalse();
        }
    }

    @Test
    void theOwnerChangesWhatTheCommunityOrganizationDoes() {
        assertThat(TransitionPolicy.settableBy(Party.OWNER))
                .containsExactlyInAnyOrder(ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, FAILED, COMPLETED, CANCELLED);
    }

    @Test
    void theRequesterOnlyWithdrawsOrRetracts() {
        assertThat(TransitionPolicy.settableBy(Party.REQUESTER)).containsExactlyInAnyOrder(CANCELLED, ENTERED_IN_ERROR);
    }

    @Test
    void theCoordinatorMayMakeEveryAllowedChange() {
        for (ReferralStatus from : ReferralStatus.values()) {
            for (ReferralStatus to : ReferralStatus.values()) {
                assertThat(TransitionPolicy.check(from, to, List.of(Party.COORDINATOR)))
                        .as("%s -> %s", from, to)
                        .isEqualTo(EXPECTED.get(from).contains(to) ? Verdict.ALLOWED : Verdict.INVALID_TRANSITION);
            }
        }
    }

    @Test
    void theOwnerAcceptsARequestedReferral() {
        assertThat(TransitionPolicy.check(REQUESTED, ACCEPTED, List.of(Party.OWNER)))
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aStatusTheRoleMayNotSetIsForbiddenWhateverTheCurrentStatus() {
        assertThat(TransitionPolicy.check(REQUESTED, ACCEPTED, List.of(Party.REQUESTER)))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(TransitionPolicy.check(COMPLETED, ACCEPTED, List.of(Party.REQUESTER)))
                .isEqualTo(Verdict.FORBIDDEN);
        assertThat(TransitionPolicy.check(REQUESTED, ENTERED_IN_ERROR, List.of(Party.OWNER)))
                .isEqualTo(Verdict.FORBIDDEN);
    }

    @Test
    void aPermittedStatusTheLifecycleDoesNotAllowIsAnInvalidTransition() {
        assertThat(TransitionPolicy.check(ACCEPTED, ACCEPTED, List.of(Party.OWNER)))
                .isEqualTo(Verdict.INVALID_TRANSITION);
        assertThat(TransitionPolicy.check(COMPLETED, CANCELLED, List.of(Party.REQUESTER)))
                .isEqualTo(Verdict.INVALID_TRANSITION);
    }

    @Test
    void aCallerWithNoPartMayNotChangeAnything() {
        for (ReferralStatus to : ReferralStatus.values()) {
            assertThat(TransitionPolicy.check(REQUESTED, to, List.of())).isEqualTo(Verdict.FORBIDDEN);
        }
    }

    @Test
    void anyOfSeveralPartsMayPermitAChange() {
        assertThat(TransitionPolicy.check(REQUESTED, ENTERED_IN_ERROR, List.of(Party.OWNER, Party.REQUESTER)))
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aReasonIsRequiredToStopOrPauseAReferral() {
        assertThat(EnumSet.allOf(ReferralStatus.class).stream().filter(TransitionPolicy::requiresReason))
                .containsExactlyInAnyOrder(REJECTED, CANCELLED, FAILED, ON_HOLD);
    }
}
