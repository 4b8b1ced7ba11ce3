package org.careloop.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * People, consent and privacy on the real stack: a clinic screens a person with their contact details, the
 * organization the referral goes to reads the phone number, the person withdraws consent, the referral is cancelled and
 * the next read refused, both reads are in the audit log, and no topic ever carried the clinic's identifier, a name, a
 * birth date or a way to reach the person.
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyIT {

    private static final Duration FLOW = Duration.ofSeconds(60);

    // Values distinctive enough to be found anywhere they leak.
    private static final String PATIENT = "systest-privacy-" + UUID.randomUUID();
    private static final String FAMILY_NAME = "Quixwellington";
    private static final String BIRTH_DATE = "1977-11-23";
    private static final String PHONE = "+16175559876";
    private static final String EMAIL = "quix.privacy@example.org";
    private static final String STREET = "77 Confidential Way";

    private static Stack stack;
    private static Api api;
    private static String personRef;
    private static String screeningId;
    private static String referralId;
    private static String owner;

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.shared();
        api = new Api(stack);
    }

    @Test
    @Order(1)
    void theOrganizationTheReferralGoesToReadsThePhoneNumber() {
        String body = """
                {"patientId": "%s", "instrument": "AHC-HRSN",
                 "answers": [{"question": "88122-7", "answers": ["LA28397-0"]}],
                 "consent": {"shareWithCommunityOrganizations": true},
                 "person": {"givenName": "Ada", "familyName": "%s", "birthDate": "%s", "preferredLanguage": "es",
                            "phone": "%s", "email": "%s", "preferredContactMethod": "phone",
                            "address": {"lines": ["%s"], "city": "Boston", "state": "MA", "postalCode": "02118",
                                        "country": "US"}}}
                """.formatted(PATIENT, FAMILY_NAME, BIRTH_DATE, PHONE, EMAIL, STREET);
        JsonPath screening = given().auth()
                .oauth2(api.clinicToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post(Api.url(Stack.SCREENING_PORT, "/api/v1/screenings"))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        screeningId = screening.getString("id");
        personRef = screening.getString("personRef");
        assertThat(personRef).startsWith("p1-");

        await().atMost(FLOW).pollInterval(Duration.ofMillis(500)).until(() -> !api.referralsOf(screeningId)
                .isEmpty());
        Map<String, Object> referral = api.referralsOf(screeningId).getFirst();
        referralId = (String) referral.get("id");
        owner = (String) referral.get("ownerOrganizationId");
        assertThat(referral.get("patientId")).isEqualTo(personRef);

        await().atMost(FLOW).untilAsserted(() -> api.as(Api.staffOf(owner))
                .queryParam("purpose", "first call")
                .get(Api.url(Stack.SCREENING_PORT, "/api/v1/referrals/" + referralId + "/contact"))
                .then()
                .statusCode(200)
                .body("phone", equalTo(PHONE))
                .body("familyName", equalTo(FAMILY_NAME)));
        // Staff of another organization, and coordinators, learn nothing.
        String other = owner.equals("org-foodbank") ? "housing-staff" : "foodbank-staff";
        api.as(other)
                .get(Api.url(Stack.SCREENING_PORT, "/api/v1/referrals/" + referralId + "/contact"))
                .then()
                .statusCode(404);
        api.as("coordinator")
                .get(Api.url(Stack.SCREENING_PORT, "/api/v1/people/" + personRef))
                .then()
                .statusCode(404);
    }

    @Test
    @Order(2)
    void withdrawnConsentCancelsTheReferralAndTheNextReadIsRefused() {
        String consentId = given().auth()
                .oauth2(api.clinicToken())
                .get(Api.url(Stack.SCREENING_PORT, "/api/v1/screenings/" + screeningId))
                .then()
                .statusCode(200)
                .extract()
                .path("consent.consentId");
        given().auth()
                .oauth2(api.clinicToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "The person withdrew consent at the front desk"))
                .post(Api.url(Stack.SCREENING_PORT, "/api/v1/consents/" + consentId + "/revoke"))
                .then()
                .statusCode(200)
                .body("status", equalTo("revoked"));

        // The read is refused at once: the screening service decides it from its own data.
        api.as(Api.staffOf(owner))
                .get(Api.url(Stack.SCREENING_PORT, "/api/v1/referrals/" + referralId + "/contact"))
                .then()
                .statusCode(403);
        // The referral service hears of it within seconds and cancels the open referral.
        await().atMost(FLOW).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath referral = api.referral(referralId);
            assertThat(referral.getString("status")).isEqualTo("cancelled");
            assertThat(referral.getString("statusReasonCode")).isEqualTo("consent-revoked");
        });

        // Both reads are in the person's disclosure history, the allowed one and the refused one.
        List<Map<String, Object>> history = api.as("operator")
                .queryParam("size", 100)
                .get(Api.url(Stack.SCREENING_PORT, "/api/v1/people/" + personRef + "/disclosures"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        List<String> contactReads = history.stream()
                .filter(row -> "read-contact".equals(row.get("action")) && referralId.equals(row.get("referralId")))
                .map(row -> (String) row.get("outcome"))
                .toList();
        assertThat(contactReads).contains("allowed", "denied");
        assertThat(history).anyMatch(row -> "revoke-consent".equals(row.get("action")));
    }

    @Test
    @Order(3)
    void noTopicCarriesTheClinicsIdentifierANameABirthDateOrAWayToReachThePerson() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        topics.add("partner.org-eastside-clinic.referrals");
        topics.add("partner." + owner + ".referrals");
        List<String> secrets = List.of(PATIENT, FAMILY_NAME, BIRTH_DATE, PHONE.substring(2), EMAIL, STREET);
        int read = 0;
        for (String topic : topics) {
            for (ConsumerRecord<String, String> record : api.records(topic)) {
                read++;
                String everything = record.key() + " " + record.value() + " " + headers(record);
                for (String secret : secrets) {
                    assertThat(everything)
                            .as("%s record %s", topic, record.offset())
                            .doesNotContain(secret);
                }
            }
        }
        assertThat(read).as("records read across %d topics", topics.size()).isPositive();
        // And none named this person other than by the reference.
        assertThat(api.records(Topics.SCREENING_COMPLETED))
                .anyMatch(r -> r.value().contains(personRef));
    }

    private static String headers(ConsumerRecord<String, String> record) {
        StringBuilder out = new StringBuilder();
        record.headers().forEach(h -> out.append(h.key())
                .append('=')
                .append(new String(h.value()))
                .append(' '));
        return out.toString();
    }
}
