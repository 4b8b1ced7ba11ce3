package org.careloop.referral.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.referral.PartnerReferralUpdate;
import org.careloop.referral.lifecycle.Referral;
import org.careloop.referral.lifecycle.ReferralStatus;
import org.careloop.testing.EventSchemas;
import org.junit.jupiter.api.Test;

class PartnerCopiesTests {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static Referral requested(String clinic, String owner) {
        Referral referral = Referral.requested(
                UUID.randomUUID(), UUID.randomUUID(), "p1-abc", "food-insecurity", clinic, owner, "svc-1", NOW);
        return withId(referral);
    }

    private static Referral draft() {
        return withId(Referral.draft(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "p1-abc",
                "food-insecurity",
                "org-eastside-clinic",
                "org-foodbank",
                "svc-1",
                1,
                null,
                NOW));
    }

    /** Ids are generated on persist; these referrals never are. */
    private static Referral withId(Referral referral) {
        try {
            var field = Referral.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(referral, UUID.randomUUID());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return referral;
    }

    @Test
    void aSentReferralGoesToTheClinicsAndTheOrganizationsTopics() {
        Referral referral = requested("org-eastside-clinic", "org-foodbank").withDoNotContact(true);
        List<PartnerCopies.Copy> copies = PartnerCopies.of(referral, null, "partner.");
        assertThat(copies)
                .extracting(PartnerCopies.Copy::topic)
                .containsExactly("partner.org-eastside-clinic.referrals", "partner.org-foodbank.referrals");
        assertThat(copies)
                .extracting(c -> c.data().audience())
                .containsExactly(PartnerReferralUpdate.REQUESTER, PartnerReferralUpdate.OWNER);
        PartnerReferralUpdate data = copies.get(1).data();
        assertThat(data.ownerOrganizationId()).isEqualTo("org-foodbank");
        assertThat(data.serviceId()).isEqualTo("svc-1");
        assertThat(data.personRef()).isEqualTo("p1-abc");
        assertThat(data.doNotContact()).isTrue();
        assertThat(data.version()).isEqualTo(1);
    }

    @Test
    void aDraftIsTheClinicsAloneAndNamesNoOrganization() {
        List<PartnerCopies.Copy> copies = PartnerCopies.of(draft(), null, "partner.");
        assertThat(copies).singleElement().satisfies(c -> {
            assertThat(c.topic()).isEqualTo("partner.org-eastside-clinic.referrals");
            assertThat(c.data().status()).isEqualTo("draft");
            assertThat(c.data().ownerOrganizationId()).isNull();
            assertThat(c.data().serviceId()).isNull();
            assertThat(c.data().requestedAt()).isNull();
        });
    }

    @Test
    void aDraftSentElsewhereGoesToTheOrganizationFinallyChosen() {
        Referral referral = draft();
        referral.send("svc-2", "org-northside-pantry", NOW.plusSeconds(60));
        assertThat(PartnerCopies.of(referral, ReferralStatus.DRAFT, "partner."))
                .extracting(PartnerCopies.Copy::topic)
                .containsExactly("partner.org-eastside-clinic.referrals", "partner.org-northside-pantry.referrals");
    }

    @Test
    void anOrganizationWhoseIdCannotNameATopicGetsNoCopy() {
        assertThat(PartnerCopies.of(requested("org-eastside-clinic", "org with spaces"), null, "partner."))
                .extracting(PartnerCopies.Copy::topic)
                .containsExactly("partner.org-eastside-clinic.referrals");
        assertThat(PartnerCopies.of(requested("org-eastside-clinic", "org-foodbank"), null, "careloop.partner."))
                .extracting(PartnerCopies.Copy::topic)
                .containsExactly(
                        "careloop.partner.org-eastside-clinic.referrals", "careloop.partner.org-foodbank.referrals");
    }

    @Test
    void copiesCarryNoFreeTextAndMatchTheSchema() throws Exception {
        Referral referral = requested("org-eastside-clinic", "org-foodbank");
        referral.changeStatus(
                ReferralStatus.REJECTED, "The person told us about their divorce", "other", null, "owner", NOW);
        for (PartnerCopies.Copy copy : PartnerCopies.of(referral, ReferralStatus.REQUESTED, "partner.")) {
            String json = JSON.writeValueAsString(copy.data());
            assertThat(json).doesNotContain("divorce").doesNotContain("statusReason\"");
            EventSchemas.valid(EventTypes.PARTNER_UPDATE, json);
        }
    }
}
