package org.careloop.screening.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.careloop.screening.People.PROBLEM;
import static org.careloop.screening.People.as;
import static org.careloop.screening.People.count;
import static org.careloop.screening.People.maria;
import static org.careloop.screening.People.newPatientId;
import static org.careloop.screening.People.screen;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.KafkaEvents;
import org.junit.jupiter.api.Test;

/**
 * The organization a referral is assigned to reads the person's contact details, only while the referral is open,
 * only with consent and never when the person must not be contacted; every request is audited.
 */
@QuarkusTest
class ContactDisclosureTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static void referral(UUID referralId, String ref, String owner, String status, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("referralId", referralId);
        data.put("version", version);
        data.put("status", status);
        data.put("screeningId", UUID.randomUUID());
        data.put("needId", UUID.randomUUID());
        data.put("patientId", ref);
        data.put("category", "food-insecurity");
        data.put("requesterOrganizationId", "org-eastside-clinic");
        data.put("ownerOrganizationId", owner);
        data.put("serviceId", "svc-foodbank-pantry");
        data.put("updatedAt", Instant.now().toString());
        KafkaEvents.send(
                Topics.REFERRAL_UPDATED,
                referralId.toString(),
                org.careloop.screening.JsonText.of(data),
                KafkaEvents.cloudEventHeaders(UUID.randomUUID().toString(), EventTypes.REFERRAL_UPDATED));
    }

    private static io.restassured.response.Response contact(String user, UUID referralId) {
        return as(user).queryParam("purpose", "first call").get("/api/v1/referrals/" + referralId + "/contact");
    }

    private static long audited(UUID referralId, String outcome) {
        return count("select count(*) from disclosure_audit where action = 'read-contact' and referral_id = '"
                + referralId + "' and outcome = '" + outcome + "'");
    }

    @Test
    void theAssignedOrganizationReadsWhatItNeedsWhileTheReferralIsOpen() {
        String ref = screen(newPatientId(), maria(), null);
        UUID referralId = UUID.randomUUID();
        referral(referralId, ref, "org-foodbank", "requested", 1);

        await().atMost(WAIT).untilAsserted(() -> contact("foodbank-staff", referralId)
                .then()
                .statusCode(200)
                .body("phone", equalTo("+16175550142"))
                .body("givenName", equalTo("Maria"))
                .body("preferredLanguage", equalTo("es"))
                .body("address.lines[0]", equalTo("12 Hidden Lane")));
        // What it needs to act, nothing more: no birth date, no clinic identifier.
        String body = contact("foodbank-staff", referralId).asString();
        assertThat(body).doesNotContain("1988", "patient-");

        // Another organization, or a caller that is not a community organization: the referral does not exist.
        for (String other : java.util.List.of("housing-staff", "clinician", "coordinator", "operator")) {
            contact(other, referralId).then().statusCode(404).contentType(PROBLEM);
        }

        referral(referralId, ref, "org-foodbank", "accepted", 2);
        referral(referralId, ref, "org-foodbank", "completed", 3);
        await().atMost(WAIT).untilAsserted(() -> contact("foodbank-staff", referralId)
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("detail", containsString("completed"))
                .body("errors.field", hasItem("referralId")));
        // A late, older event changes nothing.
        referral(referralId, ref, "org-foodbank", "requested", 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> contact("foodbank-staff", referralId).then().statusCode(403));

        assertThat(audited(referralId, "allowed")).isGreaterThanOrEqualTo(2);
        assertThat(audited(referralId, "denied")).isGreaterThanOrEqualTo(5);
        assertThat(count("select count(*) from disclosure_audit where referral_id = '" + referralId
                        + "' and purpose = 'first call' and actor_organization_id = 'org-housing'"))
                .isPositive();
    }

    @Test
    void aRevokedConsentOrADoNotContactPersonClosesTheDetailsAtOnce() {
        String patient = newPatientId();
        String ref = screen(patient, maria(), null);
        UUID referralId = UUID.randomUUID();
        referral(referralId, ref, "org-foodbank", "accepted", 1);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> contact("foodbank-staff", referralId).then().statusCode(200));

        as("clinician")
                .body(Map.of("doNotContact", true))
                .patch("/api/v1/people/" + ref)
                .then()
                .statusCode(200);
        contact("foodbank-staff", referralId)
                .then()
                .statusCode(403)
                .body("detail", containsString("must not be contacted"));
        as("clinician")
                .body(Map.of("doNotContact", false))
                .patch("/api/v1/people/" + ref)
                .then()
                .statusCode(200);
        contact("foodbank-staff", referralId).then().statusCode(200);

        String consentId = as("clinician")
                .get("/api/v1/people/" + ref + "/consents")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].consentId");
        as("clinician")
                .body(Map.of("reason", "Withdrawn in clinic"))
                .post("/api/v1/consents/" + consentId + "/revoke")
                .then()
                .statusCode(200);
        // No waiting for any event: the very next read is refused.
        contact("foodbank-staff", referralId).then().statusCode(403).body("detail", containsString("consent"));
        assertThat(count("select count(*) from disclosure_audit where person_ref = '" + ref
                        + "' and action = 'revoke-consent'"))
                .isEqualTo(1);
    }

    @Test
    void aConsentThatNamesOtherOrganizationsDoesNotCoverThisOne() {
        String ref = screen(
                newPatientId(),
                maria(),
                Map.of("shareWithCommunityOrganizations", true, "recipients", java.util.List.of("org-housing")));
        UUID referralId = UUID.randomUUID();
        referral(referralId, ref, "org-foodbank", "requested", 1);
        await().atMost(WAIT).untilAsserted(() -> contact("foodbank-staff", referralId)
                .then()
                .statusCode(403)
                .body("detail", containsString("consent")));
    }
}
