package org.careloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.referral.PartnerReferralUpdate;
import org.junit.jupiter.api.Test;

/** Partner topics are named from organization ids; the partner event carries no free text. */
class PartnerTopicsTests {

    @Test
    void anOrganizationsReferralTopicIsNamedFromItsId() {
        assertThat(Topics.partnerReferrals("org-foodbank")).isEqualTo("partner.org-foodbank.referrals");
        assertThat(Topics.partnerReferrals("careloop.", "org_1.a")).isEqualTo("careloop.org_1.a.referrals");
        assertThat(Topics.PARTNER_REFERRALS)
                .startsWith(Topics.PARTNER_PREFIX)
                .endsWith(Topics.PARTNER_REFERRALS_SUFFIX);
        assertThat(Topics.ALL).noneMatch(t -> t.startsWith(Topics.PARTNER_PREFIX));
    }

    @Test
    void anIdThatCannotNameATopicIsRefused() {
        for (String bad : new String[] {null, "", "org foodbank", "org/1", "ä", "x".repeat(240)}) {
            assertThatThrownBy(() -> Topics.partnerReferrals(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void thePartnerEventHasNoFreeTextField() throws IOException {
        var properties = EventSchemaTests.schemaNode(EventTypes.PARTNER_UPDATE).path("properties");
        assertThat(properties.has("statusReason")).isFalse();
        assertThat(properties.has("reason")).isFalse();
        assertThat(EventSchemaTests.enumOf(
                        EventSchemaTests.schemaNode(EventTypes.PARTNER_UPDATE), "/properties/audience/enum"))
                .containsExactly(PartnerReferralUpdate.REQUESTER, PartnerReferralUpdate.OWNER)
                .isSubsetOf(ActorRoles.ALL);
    }
}
