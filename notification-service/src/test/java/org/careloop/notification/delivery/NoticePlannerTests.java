package org.careloop.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.careloop.notification.ReferralChange;
import org.careloop.notification.chase.ChaseTimer;
import org.careloop.notification.chase.TimerKind;
import org.junit.jupiter.api.Test;

/** Who is told what of a referral change or a chase. */
class NoticePlannerTests {

    private static final URI BASE = URI.create("https://referrals.example.org/api/v1/referrals/");
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aNewReferralTellsTheClinicItsStatusAndTheOrganizationItArrived() {
        ReferralChange requested = ReferralChange.requested(AT);

        List<Notice> notices = NoticePlanner.forChange(requested.event(), BASE);

        assertThat(notices)
                .extracting(Notice::type, Notice::organizationId, Notice::audience)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "referral.status-changed", "org-eastside-clinic", "requester"),
                        org.assertj.core.groups.Tuple.tuple("referral.requested", "org-foodbank", "owner"),
                        org.assertj.core.groups.Tuple.tuple("referral.status-changed", "org-foodbank", "owner"));
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.referralUrl()).isEqualTo(URI.create(BASE + requested.referralId.toString()));
            assertThat(n.referralVersion()).isEqualTo(1);
            assertThat(n.occurredAt()).isEqualTo(AT);
        });
        assertThat(notices).extracting(Notice::id).doesNotHaveDuplicates();
    }

    @Test
    void completionCarriesTheOutcome() {
        ReferralChange completed = ReferralChange.requested(AT)
                .next("accepted", "owner", AT.plusSeconds(60))
                .next("completed", "owner", AT.plusSeconds(120));

        List<Notice> notices = NoticePlanner.forChange(completed.event(), BASE);

        assertThat(notices)
                .extracting(Notice::type)
                .containsExactly("referral.status-changed", "referral.status-changed");
        assertThat(notices.getFirst().outcome()).isEqualTo("need-resolved");
        assertThat(notices.getFirst().status()).isEqualTo("completed");
        assertThat(notices.getFirst().previousStatus()).isEqualTo("accepted");
    }

    @Test
    void aChangeThatKeepsTheStatusTellsNobody() {
        ReferralChange again = ReferralChange.requested(AT).next("requested", "system", AT.plusSeconds(5));
        assertThat(NoticePlanner.forChange(again.event(), BASE)).isEmpty();
    }

    @Test
    void remindersAndRecallsGoToTheOwnerAndEscalationsToNoOrganization() {
        assertThat(NoticePlanner.forChase(timer(TimerKind.REMIND), BASE)).hasValueSatisfying(n -> {
            assertThat(n.type()).isEqualTo("referral.reminder");
            assertThat(n.organizationId()).isEqualTo("org-foodbank");
            assertThat(n.status()).isEqualTo("requested");
        });
        assertThat(NoticePlanner.forChase(timer(TimerKind.RECALL), BASE))
                .map(Notice::type)
                .contains("referral.recalled");
        assertThat(NoticePlanner.forChase(timer(TimerKind.OUTCOME_UPDATE), BASE))
                .map(Notice::type)
                .contains("referral.outcome-update-requested");
        assertThat(NoticePlanner.forChase(timer(TimerKind.ESCALATE), BASE)).isEmpty();
    }

    private static ChaseTimer timer(TimerKind kind) {
        ChaseTimer t = new ChaseTimer();
        t.id = java.util.UUID.randomUUID();
        t.kind = kind;
        t.referralId = java.util.UUID.randomUUID();
        t.needId = java.util.UUID.randomUUID();
        t.referralVersion = 1;
        t.ownerOrganizationId = "org-foodbank";
        t.requesterOrganizationId = "org-eastside-clinic";
        t.category = "food-insecurity";
        t.firedAt = AT;
        return t;
    }
}
