package org.careloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.junit.jupiter.api.Test;

/** Producers serialize these records; the schemas are what integrators code against. Both must agree. */
class EventSchemaTests {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Field names that would smell of personal data; events carry ids and codes only. */
    private static final Pattern PII =
            Pattern.compile("(?i).*(name|birth|dob|address|phone|email|street|postal|zip|ssn|contact).*");

    @Test
    void screeningCompletedMatchesSchema() throws IOException {
        var event = new ScreeningCompleted(
                UUID.randomUUID(),
                "patient-1",
                "org-eastside-clinic",
                "AHC-HRSN",
                "2018-core",
                Instant.now(),
                true,
                List.of(new ScreeningCompleted.Need(UUID.randomUUID(), "food-insecurity", List.of("88122-7"))));
        assertValid(EventTypes.SCREENING_COMPLETED, event);
    }

    @Test
    void needsMatchedMatchesSchemaWithAndWithoutMatch() throws IOException {
        var event = new NeedsMatched(
                UUID.randomUUID(),
                "patient-1",
                "org-eastside-clinic",
                true,
                Instant.now(),
                List.of(
                        new NeedsMatched.Match(
                                UUID.randomUUID(), "food-insecurity", "svc-1", "org-1", 1, "has capacity"),
                        new NeedsMatched.Match(
                                UUID.randomUUID(), "housing-instability", null, null, 0, "no service has capacity")));
        assertValid(EventTypes.NEEDS_MATCHED, event);
    }

    @Test
    void referralUpdatedMatchesSchema() throws IOException {
        var event = new ReferralUpdated(
                UUID.randomUUID(),
                1,
                "requested",
                null,
                null,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "patient-1",
                "food-insecurity",
                "org-eastside-clinic",
                "org-foodbank",
                "svc-1",
                Instant.now());
        assertValid(EventTypes.REFERRAL_UPDATED, event);
    }

    @Test
    void referralStatusCodesInCodeMatchTheSchemaEnum() throws IOException {
        try (InputStream in =
                EventTypes.class.getResourceAsStream(EventTypes.schemaResource(EventTypes.REFERRAL_UPDATED))) {
            List<String> inSchema = new java.util.ArrayList<>();
            MAPPER.readTree(in).at("/properties/status/enum").forEach(n -> inSchema.add(n.asText()));
            assertThat(inSchema).containsExactlyElementsOf(ReferralUpdated.statusCodes());
        }
    }

    @Test
    void schemasRejectUnknownPropertiesSoPersonalDataCannotSlipIn() throws IOException {
        JsonNode node = MAPPER.readTree("{\"patientName\":\"Jane\"}");
        assertThat(schema(EventTypes.REFERRAL_UPDATED).validate(node))
                .anySatisfy(m -> assertThat(m.getMessage()).contains("patientName"));
    }

    @Test
    void noSchemaDeclaresAPersonalDataField() throws IOException {
        for (String type :
                List.of(EventTypes.SCREENING_COMPLETED, EventTypes.NEEDS_MATCHED, EventTypes.REFERRAL_UPDATED)) {
            try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
                JsonNode schema = MAPPER.readTree(in);
                assertThat(propertyNames(schema)).as(type).noneMatch(n -> PII.matcher(n)
                        .matches());
            }
        }
    }

    private static List<String> propertyNames(JsonNode node) {
        var names = new java.util.ArrayList<String>();
        node.findValues("properties").forEach(p -> p.fieldNames().forEachRemaining(names::add));
        return names;
    }

    private static void assertValid(String type, Object event) throws IOException {
        JsonNode node = MAPPER.valueToTree(event);
        Set<ValidationMessage> errors = schema(type).validate(node);
        assertThat(errors).as(type + " " + node).isEmpty();
    }

    private static JsonSchema schema(String type) throws IOException {
        try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }
}
