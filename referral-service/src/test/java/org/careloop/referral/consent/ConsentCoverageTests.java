package org.careloop.referral.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.careloop.contracts.codes.StatusReasonCodes;
import org.junit.jupiter.api.Test;

class ConsentCoverageTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private record D(String status, List<String> recipients, Instant validUntil, Instant changedAt, long version)
            implements ConsentCoverage.Decision {}

    private static D active(List<String> recipients) {
        return new D("active", recipients, null, NOW.minusSeconds(60), 1);
    }

    @Test
    void anActiveDecisionCoversItsRecipientsOrEveryoneWhenItNamesNone() {
        assertThat(ConsentCoverage.covers(active(null), "org-foodbank", NOW)).isTrue();
        assertThat(ConsentCoverage.covers(active(List.of("org-foodbank")), "org-foodbank", NOW))
                .isTrue();
        assertThat(ConsentCoverage.covers(active(List.of("org-foodbank")), "org-housing", NOW))
                .isFalse();
        assertThat(ConsentCoverage.covers(active(List.of()), "org-foodbank", NOW))
                .isFalse();
        assertThat(ConsentCoverage.covers(active(null), null, NOW)).isFalse();
    }

    @Test
    void revokedRefusedAndExpiredDecisionsCoverNobody() {
        for (String status : List.of("revoked", "refused", "expired")) {
            D decision = new D(status, null, null, NOW, 2);
            assertThat(ConsentCoverage.permits(decision, NOW)).as(status).isFalse();
            assertThat(ConsentCoverage.covers(decision, "org-foodbank", NOW))
                    .as(status)
                    .isFalse();
        }
    }

    @Test
    void anActiveDecisionPastItsEndCoversNobody() {
        D ending = new D("active", null, NOW.plusSeconds(1), NOW.minusSeconds(60), 1);
        assertThat(ConsentCoverage.covers(ending, "org-foodbank", NOW)).isTrue();
        assertThat(ConsentCoverage.covers(ending, "org-foodbank", NOW.plusSeconds(1)))
                .isFalse();
    }

    @Test
    void aWithdrawalOrRefusalEndsReferralsAsRevokedAnythingElseAsExpired() {
        assertThat(ConsentCoverage.endReason(new D("revoked", null, null, NOW, 2)))
                .isEqualTo(StatusReasonCodes.CONSENT_REVOKED);
        assertThat(ConsentCoverage.endReason(new D("refused", null, null, NOW, 1)))
                .isEqualTo(StatusReasonCodes.CONSENT_REVOKED);
        assertThat(ConsentCoverage.endReason(new D("expired", null, null, NOW, 2)))
                .isEqualTo(StatusReasonCodes.CONSENT_EXPIRED);
        // Still active, but no longer naming the organization.
        assertThat(ConsentCoverage.endReason(active(List.of("org-foodbank"))))
                .isEqualTo(StatusReasonCodes.CONSENT_EXPIRED);
    }

    @Test
    void theMostRecentlyChangedDecisionGovernsThenTheHigherVersion() {
        D older = new D("active", null, null, NOW.minusSeconds(600), 5);
        D newer = new D("revoked", null, null, NOW.minusSeconds(60), 1);
        D sameTimeHigher = new D("active", List.of("org-a"), null, NOW.minusSeconds(60), 2);
        assertThat(ConsentCoverage.current(List.of(older, newer))).contains(newer);
        assertThat(ConsentCoverage.current(List.of(newer, sameTimeHigher, older)))
                .contains(sameTimeHigher);
        assertThat(ConsentCoverage.current(List.<D>of())).isEmpty();
    }

    @Test
    void aScopeNeedsBothTheMatchsRecipientsAndTheCurrentDecision() {
        ConsentScope open = new ConsentScope(null, null, NOW);
        assertThat(open.blocked()).isFalse();
        assertThat(open.covers("org-any")).isTrue();
        assertThat(open.recipients()).isNull();

        ConsentScope matchOnly = new ConsentScope(List.of("org-a", "org-b"), null, NOW);
        assertThat(matchOnly.covers("org-a")).isTrue();
        assertThat(matchOnly.covers("org-c")).isFalse();
        assertThat(matchOnly.recipients()).containsExactly("org-a", "org-b");

        ConsentScope both = new ConsentScope(List.of("org-a", "org-b"), active(List.of("org-b", "org-c")), NOW);
        assertThat(both.covers("org-a")).isFalse();
        assertThat(both.covers("org-b")).isTrue();
        assertThat(both.covers("org-c")).isFalse();
        assertThat(both.recipients()).containsExactly("org-b");

        ConsentScope decisionOnly = new ConsentScope(null, active(List.of("org-c")), NOW);
        assertThat(decisionOnly.recipients()).containsExactly("org-c");
    }

    @Test
    void aRevokedDecisionBlocksTheNeedWhateverTheMatchSaid() {
        ConsentScope revoked = new ConsentScope(null, new D("revoked", null, null, NOW, 2), NOW);
        assertThat(revoked.blocked()).isTrue();
        assertThat(revoked.covers("org-a")).isFalse();
        assertThat(revoked.blockedReason()).isEqualTo(StatusReasonCodes.CONSENT_REVOKED);
        ConsentScope expired = new ConsentScope(null, new D("active", null, NOW.minusSeconds(1), NOW, 1), NOW);
        assertThat(expired.blocked()).isTrue();
        assertThat(expired.blockedReason()).isEqualTo(StatusReasonCodes.CONSENT_EXPIRED);
    }
}
