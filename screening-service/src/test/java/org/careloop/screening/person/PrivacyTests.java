package org.careloop.screening.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.careloop.screening.People.PROBLEM;
import static org.careloop.screening.People.SCREENINGS;
import static org.careloop.screening.People.as;
import static org.careloop.screening.People.count;
import static org.careloop.screening.People.execute;
import static org.careloop.screening.People.maria;
import static org.careloop.screening.People.newPatientId;
import static org.careloop.screening.People.screen;
import static org.careloop.screening.People.screening;
import static org.careloop.screening.People.text;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.careloop.contracts.EventTypes;
import org.careloop.contracts.Topics;
import org.careloop.testing.EventSchemas;
import org.careloop.testing.KafkaEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The person behind a screening: stored once, encrypted, under a pseudonymous reference that is all events carry;
 * read and changed only by their clinic; consent decisions recorded, revoked and expired with events; every read and
 * change in an append-only audit log.
 */
@QuarkusTest
class PrivacyTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PersonRefs refs;

    @ConfigProperty(name = "careloop.privacy.previous-keys")
    List<String> previousKeys;

    @Test
    void detailsAreStoredEncryptedAndNeverLeaveOnAnEvent() throws Exception {
        String patient = newPatientId();
        String ref = screen(patient, maria(), null);
        assertThat(ref).isEqualTo(refs.of("org-eastside-clinic", patient));

        String stored = text("select details from person where person_ref = '" + ref + "'");
        assertThat(stored).startsWith("test2:").doesNotContain("Maria", "Lopez", "6175550142", "Hidden Lane", patient);
        assertThat(count("select count(*) from screening where person_ref = '" + ref + "' and patient_id is null"))
                .isEqualTo(1);
        // Nothing in any outbox row: not the clinic's identifier, not a detail.
        for (String secret : List.of(patient, "Lopez-Secret", "6175550142", "maria.lopez", "Hidden Lane", "1988")) {
            assertThat(count("select count(*) from outbox_event where payload::text like '%" + secret + "%'"))
                    .as(secret)
                    .isZero();
        }
        var event = KafkaEvents.await(Topics.SCREENING_COMPLETED, e -> e.value().contains(ref), WAIT);
        JsonNode data = EventSchemas.valid(EventTypes.SCREENING_COMPLETED, event.value());
        assertThat(data.get("patientId").asText()).isEqualTo(ref);
        assertThat(data.get("postalArea").asText()).isEqualTo("021");
        // The 5-digit ZIP for matching by place, never the street.
        assertThat(data.get("postalCode").asText()).isEqualTo("02118");
        assertThat(data.get("ageBand").asText()).isEqualTo("26-44");
        assertThat(data.get("preferredLanguage").asText()).isEqualTo("es");
        assertThat(data.get("doNotContact").asBoolean()).isFalse();
    }

    @Test
    void theClinicReadsAndChangesItsPatientAndNobodyElseDoes() {
        String patient = newPatientId();
        String ref = screen(patient, maria(), null);

        as("clinician")
                .queryParam("purpose", "follow-up call")
                .get("/api/v1/people/" + ref)
                .then()
                .statusCode(200)
                .body("patientId", equalTo(patient))
                .body("phone", equalTo("+16175550142"))
                .body("address.postalCode", equalTo("02118"))
                .body("doNotContact", equalTo(false));
        // Nobody but the clinic, operators and coordinators included: to them the person does not exist.
        for (String other : List.of("coordinator", "operator", "foodbank-staff", "integrator")) {
            as(other).get("/api/v1/people/" + ref).then().statusCode(404).contentType(PROBLEM);
            as(other).get("/api/v1/people/" + ref + "/consents").then().statusCode(404);
        }
        // A person of another clinic is, to this clinic, unknown.
        String foreign = refs.of("org-westside-clinic", patient);
        execute("insert into person (person_ref, organization_id, details, key_id, created_at, updated_at, version)"
                + " values ('" + foreign + "', 'org-westside-clinic', 'x:y', 'x', now(), now(), 0)");
        as("clinician")
                .get("/api/v1/people/" + foreign)
                .then()
                .statusCode(404)
                .body("errors.field", hasItem("personRef"));

        as("clinician")
                .body(Map.of("doNotContact", true, "phone", "+16175550199"))
                .patch("/api/v1/people/" + ref)
                .then()
                .statusCode(200)
                .body("doNotContact", equalTo(true))
                .body("phone", equalTo("+16175550199"))
                .body("familyName", equalTo("Lopez-Secret"));

        // Every read and change is audited, allowed or denied, and only operators query the log.
        var audit = as("operator")
                .queryParam("personRef", ref)
                .queryParam("size", 50)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("items.action", String.class))
                .contains("record-consent", "read-person", "update-person");
        assertThat(audit.getList("items.outcome", String.class)).contains("allowed", "denied");
        assertThat(audit.getList("items.purpose", String.class)).contains("follow-up call");
        as("operator")
                .get("/api/v1/people/" + ref + "/disclosures")
                .then()
                .statusCode(200)
                .body("items.actor", hasItems("clinician", "coordinator"));
        as("clinician").get("/api/v1/audit").then().statusCode(403);
        as("operator")
                .queryParam("from", "yesterday")
                .get("/api/v1/audit")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
    }

    @Test
    void theAuditLogRefusesUpdatesAndDeletes() {
        screen(newPatientId(), null, null); // at least one row: the consent recorded with it
        long before = count("select count(*) from disclosure_audit");
        assertThat(before).isPositive();
        assertThatThrownBy(() -> execute("update disclosure_audit set outcome = 'allowed'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("delete from disclosure_audit")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute("truncate disclosure_audit")).hasMessageContaining("append-only");
        assertThat(count("select count(*) from disclosure_audit")).isGreaterThanOrEqualTo(before);
    }

    @ParameterizedTest(name = "person.{0} = {1} is refused")
    @CsvSource(
            delimiter = '|',
            value = {
                "phone             | 6175550142",
                "phone             | +0123",
                "email             | not-an-email",
                "email             | a@b",
                "birthDate         | 2999-01-01",
                "birthDate         | 1850-01-01",
                "preferredLanguage | spanish!",
                "preferredContactMethod | pigeon",
                "givenName         | tab\tinside"
            })
    void badPersonDetailsAreA400NamingTheFieldAndWriteNothing(String field, String value) {
        String patient = newPatientId();
        Map<String, Object> person = new HashMap<>(maria());
        person.put(field, value);
        as("clinician")
                .body(screening(patient, person, null))
                .post(SCREENINGS)
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("person." + field));
        assertThat(count("select count(*) from person where person_ref = '" + refs.of("org-eastside-clinic", patient)
                        + "'"))
                .isZero();
    }

    @Test
    void aSafetyNeedTurnsDoNotContactOnUntilTheClinicTurnsItOff() throws Exception {
        String patient = newPatientId();
        Map<String, Object> body = screening(patient, maria(), null);
        body.put(
                "answers",
                List.of(
                        Map.of("question", "95618-5", "answers", List.of("LA6482-9")),
                        Map.of("question", "95617-7", "answers", List.of("LA6482-9")),
                        Map.of("question", "95616-9", "answers", List.of("LA6482-9")),
                        Map.of("question", "95615-1", "answers", List.of("LA6482-9"))));
        String ref = as("clinician")
                .body(body)
                .post(SCREENINGS)
                .then()
                .statusCode(201)
                .body("needs[0].sensitive", equalTo(true))
                .extract()
                .path("personRef");
        var event = KafkaEvents.await(Topics.SCREENING_COMPLETED, e -> e.value().contains(ref), WAIT);
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.get("doNotContact").asBoolean()).isTrue();
        assertThat(data.at("/needs/0/sensitive").asBoolean()).isTrue();
        as("clinician").get("/api/v1/people/" + ref).then().statusCode(200).body("doNotContact", equalTo(true));
        as("clinician")
                .body(Map.of("doNotContact", false))
                .patch("/api/v1/people/" + ref)
                .then()
                .statusCode(200)
                .body("doNotContact", equalTo(false));
    }

    @Test
    void aConsentIsRecordedWithItsTermsRevokedAndPublishedEachTime() throws Exception {
        String patient = newPatientId();
        Instant until = Instant.now().plus(Duration.ofDays(30));
        String ref = screen(
                patient,
                null,
                Map.of(
                        "shareWithCommunityOrganizations", true,
                        "recipients", List.of("org-foodbank", "org-housing"),
                        "validUntil", until.toString()));
        var consents = as("clinician")
                .get("/api/v1/people/" + ref + "/consents")
                .then()
                .statusCode(200)
                .body("items[0].decision", equalTo("permit"))
                .body("items[0].status", equalTo("active"))
                .body("items[0].recipients", equalTo(List.of("org-foodbank", "org-housing")))
                .extract()
                .jsonPath();
        String consentId = consents.getString("items[0].consentId");
        var recorded = KafkaEvents.await(
                Topics.CONSENT_CHANGED, e -> ref.equals(e.key()) && e.value().contains("\"active\""), WAIT);
        EventSchemas.valid(EventTypes.CONSENT_CHANGED, recorded.value());

        as("foodbank-staff")
                .body(Map.of("reason", "no"))
                .post("/api/v1/consents/" + consentId + "/revoke")
                .then()
                .statusCode(403);
        as("clinician")
                .body(Map.of("reason", "The person asked us to stop sharing"))
                .post("/api/v1/consents/" + consentId + "/revoke")
                .then()
                .statusCode(200)
                .body("status", equalTo("revoked"))
                .body("statusNote", equalTo("The person asked us to stop sharing"));
        var revoked = KafkaEvents.await(
                Topics.CONSENT_CHANGED, e -> ref.equals(e.key()) && e.value().contains("\"revoked\""), WAIT);
        JsonNode data = EventSchemas.valid(EventTypes.CONSENT_CHANGED, revoked.value());
        assertThat(data.get("version").asLong()).isEqualTo(2);
        assertThat(revoked.value()).doesNotContain("asked us");
        as("clinician")
                .body(Map.of("reason", "again"))
                .post("/api/v1/consents/" + consentId + "/revoke")
                .then()
                .statusCode(409)
                .body("errors.field", hasItem("consentId"));

        // A new decision on its own; bad terms change nothing.
        as("clinician")
                .body(Map.of("shareWithCommunityOrganizations", true, "validUntil", "2001-01-01T00:00:00Z"))
                .post("/api/v1/people/" + ref + "/consents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("validUntil"));
        as("clinician")
                .body(Map.of("shareWithCommunityOrganizations", true, "recipients", List.of("Not An Org")))
                .post("/api/v1/people/" + ref + "/consents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("recipients[0]"));
        as("clinician")
                .body(Map.of("shareWithCommunityOrganizations", true))
                .post("/api/v1/people/" + ref + "/consents")
                .then()
                .statusCode(200)
                .body("status", equalTo("active"))
                .body("recipients", equalTo(null));
        assertThat(count("select count(*) from consent_decision where person_ref = '" + ref + "'"))
                .isEqualTo(2);
    }

    @Test
    void aConsentWhosePeriodEndsExpiresAndSaysSo() {
        org.careloop.testing.Tokens.user("clinician"); // so that the period is not over before the request is sent
        String ref = screen(
                newPatientId(),
                null,
                Map.of(
                        "shareWithCommunityOrganizations",
                        true,
                        "validUntil",
                        Instant.now().plusSeconds(3).toString()));
        var expired = KafkaEvents.await(
                Topics.CONSENT_CHANGED, e -> ref.equals(e.key()) && e.value().contains("\"expired\""), WAIT);
        EventSchemas.valid(EventTypes.CONSENT_CHANGED, expired.value());
        as("clinician")
                .get("/api/v1/people/" + ref + "/consents")
                .then()
                .statusCode(200)
                .body("items[0].status", equalTo("expired"))
                .body("items[0].changedBy", equalTo("system"));
    }

    @Test
    void detailsEncryptedWithAPreviousKeyAreReEncryptedWithTheCurrentOne() {
        String patient = newPatientId();
        String ref = refs.of("org-eastside-clinic", patient);
        DetailsCipher old = new DetailsCipher(previousKeys.getFirst(), List.of());
        String sealed = old.encrypt("{\"patientId\":\"" + patient + "\",\"phone\":\"+16175550177\"}", ref);
        execute("insert into person (person_ref, organization_id, details, key_id, created_at, updated_at, version)"
                + " values ('" + ref + "', 'org-eastside-clinic', '" + sealed + "', 'test1', now(), now(), 0)");

        await().atMost(WAIT)
                .until(() -> "test2".equals(text("select key_id from person where person_ref = '" + ref + "'")));
        as("clinician")
                .get("/api/v1/people/" + ref)
                .then()
                .statusCode(200)
                .body("patientId", equalTo(patient))
                .body("phone", equalTo("+16175550177"));
    }
}
