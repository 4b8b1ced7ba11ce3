package org.careloop.screening.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.screening.consent.ConsentDecision;
import org.careloop.screening.person.Person;
import org.junit.jupiter.api.Test;

/** Who may read a referred person's contact details, and when. */
class DisclosurePolicyTests {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String REF = "p1-" + "D".repeat(43);

    private static ReferralAccess referral(String owner, String status) {
        ReferralAccess r = new ReferralAccess();
        r.referralId = UUID.randomUUID();
        r.personRef = REF;
        r.ownerOrganizationId = owner;
        r.status = status;
        return r;
    }

    private static Person person(boolean doNotContact) {
        Person p = new Person();
        p.personRef = REF;
        p.doNotContact = doNotContact;
        return p;
    }

    private static ConsentDecision consent(List<String> recipients, Instant until) {
        return ConsentDecision.record(
                REF, "org-clinic", true, recipients, until, null, "clinician", NOW.minusSeconds(60));
    }

    @Test
    void theAssignedOrganizationReadsWhileTheReferralIsOpenAndConsented() {
        for (String open : List.of("requested", "accepted", "in-progress", "on-hold")) {
            assertThat(DisclosurePolicy.decide(
                                    referral("org-foodbank", open),
                                    "org-foodbank",
                                    person(false),
                                    consent(null, null),
                                    NOW)
                            .allowed())
                    .as(open)
                    .isTrue();
        }
    }

    @Test
    void anotherOrganizationOrAnUnknownReferralLooksLikeNothing() {
        var other = DisclosurePolicy.decide(
                referral("org-foodbank", "accepted"), "org-housing", person(false), consent(null, null), NOW);
        assertThat(other.allowed()).isFalse();
        assertThat(other.hidden()).isTrue();
        assertThat(DisclosurePolicy.decide(null, "org-foodbank", null, null, NOW)
                        .hidden())
                .isTrue();
        assertThat(DisclosurePolicy.decide(
                                referral("org-foodbank", "accepted"), null, person(false), consent(null, null), NOW)
                        .hidden())
                .isTrue();
    }

    @Test
    void anEndedReferralADoNotContactPersonOrMissingConsentIsRefused() {
        for (String ended : List.of("draft", "rejected", "cancelled", "completed", "failed", "entered-in-error")) {
            var decision = DisclosurePolicy.decide(
                    referral("org-foodbank", ended), "org-foodbank", person(false), consent(null, null), NOW);
            assertThat(decision.allowed()).as(ended).isFalse();
            assertThat(decision.hidden()).isFalse();
            assertThat(decision.reason()).contains(ended);
        }
        assertThat(DisclosurePolicy.decide(
                                referral("org-foodbank", "accepted"),
                                "org-foodbank",
                                person(true),
                                consent(null, null),
                                NOW)
                        .reason())
                .contains("must not be contacted");
        assertThat(DisclosurePolicy.decide(
                                referral("org-foodbank", "accepted"), "org-foodbank", person(false), null, NOW)
                        .allowed())
                .isFalse();
        assertThat(DisclosurePolicy.decide(
                                referral("org-foodbank", "accepted"),
                                "org-foodbank",
                                person(false),
                                consent(List.of("org-housing"), null),
                                NOW)
                        .reason())
                .contains("consent");
        assertThat(DisclosurePolicy.decide(
                                referral("org-foodbank", "accepted"),
                                "org-foodbank",
                                person(false),
                                consent(null, NOW.minusSeconds(1)),
                                NOW)
                        .allowed())
                .isFalse();
        ConsentDecision revoked = consent(null, null);
        revoked.revoke("clinician", "asked to stop", NOW);
        assertThat(DisclosurePolicy.decide(
                                referral("org-foodbank", "accepted"), "org-foodbank", person(false), revoked, NOW)
                        .allowed())
                .isFalse();
    }
}
