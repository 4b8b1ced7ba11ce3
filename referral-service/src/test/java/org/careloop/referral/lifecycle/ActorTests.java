package org.careloop.referral.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.security.Roles;
import org.junit.jupiter.api.Test;

class ActorTests {

    private final Referral referral = Referral.requested(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "patient-1",
            "food-insecurity",
            "org-eastside-clinic",
            "org-foodbank",
            "svc-1",
            Instant.parse("2026-01-01T00:00:00Z"));

    private static Actor actor(String org, String... roles) {
        Set<String> granted = Set.of(roles);
        return Actor.of("someone", granted::contains, Optional.ofNullable(org));
    }

    @Test
    void theOwnerOrganizationsStaffSeeAndOwnTheReferral() {
        Actor staff = actor("org-foodbank", Roles.CBO_STAFF);
        assertThat(staff.organizationScoped()).isTrue();
        assertThat(staff.canSee(referral)).isTrue();
        assertThat(staff.partiesFor(referral)).containsExactly(Party.OWNER);
    }

    @Test
    void anotherOrganizationsStaffSeeNothing() {
        Actor staff = actor("org-housing", Roles.CBO_STAFF);
        assertThat(staff.canSee(referral)).isFalse();
        assertThat(staff.partiesFor(referral)).isEmpty();
    }

    @Test
    void theRequestingClinicIsTheRequester() {
        Actor clinic = actor("org-eastside-clinic", Roles.CLINIC);
        assertThat(clinic.canSee(referral)).isTrue();
        assertThat(clinic.partiesFor(referral)).containsExactly(Party.REQUESTER);
        assertThat(actor("org-westside-clinic", Roles.CLINIC).canSee(referral)).isFalse();
    }

    @Test
    void aClinicIsNeverTheOwnerEvenWithTheOwnersOrganizationId() {
        Actor clinic = actor("org-foodbank", Roles.CLINIC);
        assertThat(clinic.canSee(referral)).isFalse();
    }

    @Test
    void coordinatorsSeeAndSteerEveryReferral() {
        Actor coordinator = actor(null, Roles.COORDINATOR);
        assertThat(coordinator.organizationScoped()).isFalse();
        assertThat(coordinator.canSee(referral)).isTrue();
        assertThat(coordinator.partiesFor(referral)).containsExactly(Party.COORDINATOR);
    }

    @Test
    void operatorsSeeEveryReferralButPlayNoPart() {
        Actor operator = actor(null, Roles.OPERATOR);
        assertThat(operator.canSee(referral)).isTrue();
        assertThat(operator.partiesFor(referral)).isEmpty();
    }

    @Test
    void organizationStaffWithoutAnOrganizationSeeNothing() {
        Actor staff = actor(null, Roles.CBO_STAFF);
        assertThat(staff.organizationScoped()).isTrue();
        assertThat(staff.canSee(referral)).isFalse();
    }

    @Test
    void aNewReferralIsRequestedAtVersionOne() {
        assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(referral.version()).isEqualTo(1);
        assertThat(referral.statusReason()).isNull();
        assertThat(referral.createdAt()).isEqualTo(referral.updatedAt());
    }

    @Test
    void changingTheStatusReturnsThePreviousOne() {
        Referral r =
                Referral.requested(UUID.randomUUID(), UUID.randomUUID(), "p", "c", "req", "own", null, Instant.EPOCH);
        Instant later = Instant.EPOCH.plusSeconds(60);
        assertThat(r.changeStatus(ReferralStatus.REJECTED, "no capacity", later))
                .isEqualTo(ReferralStatus.REQUESTED);
        assertThat(r.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(r.statusReason()).isEqualTo("no capacity");
        assertThat(r.updatedAt()).isEqualTo(later);
        assertThat(r.createdAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aDraftIsTheRequestingClinicsUntilItIsSent() {
        Referral draft = Referral.draft(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "patient-1",
                "food-insecurity",
                "org-eastside-clinic",
                "org-foodbank",
                "svc-1",
                1,
                null,
                Instant.parse("2026-01-01T00:00:00Z"));
        Actor owner = actor("org-foodbank", Roles.CBO_STAFF);
        assertThat(draft.disclosed()).isFalse();
        assertThat(owner.canSee(draft)).isFalse();
        assertThat(actor("org-eastside-clinic", Roles.CLINIC).partiesFor(draft)).containsExactly(Party.REQUESTER);
        assertThat(actor(null, Roles.COORDINATOR).canSee(draft)).isTrue();

        draft.send("svc-1", "org-foodbank", Instant.parse("2026-01-01T01:00:00Z"));
        assertThat(draft.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(draft.requestedAt()).isEqualTo(Instant.parse("2026-01-01T01:00:00Z"));
        assertThat(draft.changedByRole()).isEqualTo("requester");
        assertThat(owner.partiesFor(draft)).containsExactly(Party.OWNER);
    }
}
