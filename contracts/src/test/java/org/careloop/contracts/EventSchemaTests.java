package org.careloop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.careloop.contracts.codes.ActorRoles;
import org.careloop.contracts.codes.AgeBands;
import org.careloop.contracts.codes.CapacityCauses;
import org.careloop.contracts.codes.ChaseKinds;
import org.careloop.contracts.codes.ConsentStatusCodes;
import org.careloop.contracts.codes.OutcomeCodes;
import org.careloop.contracts.codes.StatusReasonCodes;
import org.careloop.contracts.directory.CapacityChanged;
import org.careloop.contracts.directory.NeedsMatched;
import org.careloop.contracts.notification.ReferralChased;
import org.careloop.contracts.referral.MatchRequested;
import org.careloop.contracts.referral.PartnerReferralUpdate;
import org.careloop.contracts.referral.ReferralUpdated;
import org.careloop.contracts.screening.ConsentChanged;
import org.careloop.contracts.screening.ScreeningCompleted;
import org.junit.jupiter.api.Test;

/**
 * Producers serialize these records; the schemas are what integrators code against. Both must agree, field for field,
 * and both must be able to grow: schemas allow properties they do not list, consumers ignore them.
 */
class EventSchemaTests {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Field names that would smell of personal data; events carry ids and codes only. */
    private static final Pattern PII =
            Pattern.compile("(?i).*(name|birth|dob|address|phone|email|street|postal|zip|ssn|contact).*");

    /**
     * Fields whose names match {@link #PII} but hold no personal data: a flag that forbids contact, and the first
     * three characters of a postal code (coarse enough for routing, as HIPAA Safe Harbor allows). {@code postalCode} (the
     * 5-digit ZIP, never a street or ZIP+4) is finer than Safe Harbor: it is there on purpose, for the directory's
     * distance and service-area matching, and is the one location fact besides the ZIP3 that events carry (see the
     * javadoc of {@link ScreeningCompleted}).
     */
    private static final Set<String> NOT_PII = Set.of("doNotContact", "postalArea", "postalCode");

    static Map<String, Object> samples() {
        UUID screening = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        return Map.of(
                EventTypes.SCREENING_COMPLETED,
                new ScreeningCompleted(
                        screening,
                        "patient-1",
                        "org-eastside-clinic",
                        "AHC-HRSN",
                        "2018-core",
                        Instant.now(),
                        true,
                        List.of(
                                new ScreeningCompleted.Need(need, "food-insecurity", List.of("88122-7"), false),
                                new ScreeningCompleted.Need(
                                        UUID.randomUUID(), "sdoh-category-unspecified", List.of("95618-5"), true)),
                        new ScreeningCompleted.ConsentTerms(
                                UUID.randomUUID(),
                                List.of("org-foodbank"),
                                Instant.now().plusSeconds(3600)),
                        true,
                        "021",
                        AgeBands.ADULT,
                        "es-US",
                        "02118"),
                EventTypes.NEEDS_MATCHED,
                new NeedsMatched(
                        screening,
                        "patient-1",
                        "org-eastside-clinic",
                        true,
                        Instant.now(),
                        List.of(
                                new NeedsMatched.Match(
                                        need,
                                        "food-insecurity",
                                        "svc-1",
                                        "org-1",
                                        1,
                                        "has capacity",
                                        List.of(
                                                new NeedsMatched.Candidate("svc-1", "org-1", 1, "best", 4, 0.8),
                                                new NeedsMatched.Candidate("svc-2", "org-2", 2, "next", 2, 0.6)),
                                        false),
                                new NeedsMatched.Match(
                                        UUID.randomUUID(),
                                        "housing-instability",
                                        null,
                                        null,
                                        0,
                                        "no service has capacity",
                                        List.of(),
                                        true)),
                        UUID.randomUUID(),
                        true,
                        List.of("org-1", "org-2"),
                        UUID.randomUUID()),
                EventTypes.REFERRAL_UPDATED,
                new ReferralUpdated(
                        UUID.randomUUID(),
                        3,
                        "completed",
                        "in-progress",
                        "Groceries delivered",
                        screening,
                        need,
                        "patient-1",
                        "food-insecurity",
                        "org-eastside-clinic",
                        "org-foodbank",
                        "svc-1",
                        Instant.now(),
                        2,
                        UUID.randomUUID(),
                        null,
                        OutcomeCodes.NEED_RESOLVED,
                        ActorRoles.OWNER,
                        Instant.now()),
                EventTypes.CAPACITY_CHANGED,
                new CapacityChanged(
                        "svc-1",
                        "org-1",
                        "active",
                        List.of("food-insecurity"),
                        "household",
                        24,
                        40,
                        1,
                        7,
                        CapacityCauses.HOLD,
                        Instant.now()),
                EventTypes.MATCH_REQUESTED,
                new MatchRequested(
                        UUID.randomUUID(),
                        screening,
                        need,
                        "patient-1",
                        "food-insecurity",
                        "org-eastside-clinic",
                        List.of("svc-1", "svc-2"),
                        3,
                        Instant.now(),
                        List.of("org-1")),
                EventTypes.REFERRAL_CHASED,
                new ReferralChased(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        need,
                        ChaseKinds.RECALL,
                        1,
                        "org-foodbank",
                        "org-eastside-clinic",
                        "food-insecurity",
                        Instant.now(),
                        Instant.now(),
                        "organization"),
                EventTypes.CONSENT_CHANGED,
                new ConsentChanged(
                        UUID.randomUUID(),
                        "p1-abc",
                        "org-eastside-clinic",
                        ConsentStatusCodes.REVOKED,
                        null,
                        null,
                        Instant.now(),
                        2),
                EventTypes.PARTNER_UPDATE,
                new PartnerReferralUpdate(
                        UUID.randomUUID(),
                        2,
                        PartnerReferralUpdate.OWNER,
                        "accepted",
                        "requested",
                        null,
                        null,
                        screening,
                        need,
                        "p1-abc",
                        "food-insecurity",
                        "org-eastside-clinic",
                        "org-foodbank",
                        "svc-1",
                        1,
                        null,
                        ActorRoles.OWNER,
                        false,
                        Instant.now(),
                        Instant.now()));
    }

    @Test
    void everySampleMatchesItsSchema() throws IOException {
        assertThat(samples().keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        for (var sample : samples().entrySet()) {
            assertValid(sample.getKey(), sample.getValue());
        }
    }

    @Test
    void theOldShapesOfGrownEventsStillMatch() throws IOException {
        assertValid(
                EventTypes.REFERRAL_UPDATED,
                new ReferralUpdated(
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
                        Instant.now()));
        assertValid(
                EventTypes.NEEDS_MATCHED,
                new NeedsMatched(
                        UUID.randomUUID(),
                        "patient-1",
                        "org-eastside-clinic",
                        true,
                        Instant.now(),
                        List.of(new NeedsMatched.Match(
                                UUID.randomUUID(), "food-insecurity", "svc-1", "org-1", 1, "ok"))));
    }

    @Test
    void everyRecordComponentIsAPropertyOfTheSchemaAndTheOtherWayRound() throws IOException {
        for (String type : EventTypes.ALL) {
            JsonNode schema = schemaNode(type);
            assertSameFields(type, EventTypes.dataType(type), schema);
        }
    }

    @Test
    void schemasAllowPropertiesTheyDoNotListAndConsumersIgnoreThem() throws IOException {
        for (var sample : samples().entrySet()) {
            ObjectNode grown = MAPPER.valueToTree(sample.getValue());
            grown.put("addedInAFutureVersion", "x");
            assertThat(schema(sample.getKey()).validate(grown))
                    .as(sample.getKey())
                    .isEmpty();
            Object read = MAPPER.treeToValue(grown, EventTypes.dataType(sample.getKey()));
            JsonNode readBack = MAPPER.valueToTree(read);
            JsonNode original = MAPPER.valueToTree(sample.getValue());
            assertThat(readBack).isEqualTo(original);
        }
    }

    @Test
    void noSchemaDeclaresAPersonalDataField() throws IOException {
        for (String type : EventTypes.ALL) {
            assertThat(propertyNames(schemaNode(type)))
                    .as(type)
                    .noneMatch(n -> PII.matcher(n).matches() && !NOT_PII.contains(n));
        }
    }

    @Test
    void everyEventTypeHasATopicAmongTheEventTopics() {
        for (String type : EventTypes.ALL) {
            String topic = EventTypes.topic(type);
            // Partner topics are one per organization, created on demand: their type names the pattern.
            assertThat(Topics.PARTNER.contains(topic) ? Topics.PARTNER : Topics.EVENTS)
                    .as(type)
                    .contains(topic);
        }
    }

    @Test
    void codedFieldsListTheContractsCodes() throws IOException {
        JsonNode referral = schemaNode(EventTypes.REFERRAL_UPDATED);
        assertThat(enumOf(referral, "/properties/changedByRole/enum")).containsExactlyElementsOf(ActorRoles.ALL);
        assertThat(enumOf(schemaNode(EventTypes.CAPACITY_CHANGED), "/properties/cause/enum"))
                .containsExactlyElementsOf(CapacityCauses.ALL);
        assertThat(enumOf(schemaNode(EventTypes.REFERRAL_CHASED), "/properties/kind/enum"))
                .containsExactlyElementsOf(ChaseKinds.ALL);
        // Reason and outcome codes may grow, so the schema lists them in its descriptions rather than as an enum.
        String reasons = referral.at("/properties/statusReasonCode/description").asText();
        StatusReasonCodes.ALL.forEach(code -> assertThat(reasons).contains(code));
        String outcomes = referral.at("/properties/outcome/description").asText();
        OutcomeCodes.ALL.forEach(code -> assertThat(outcomes).contains(code));
    }

    static List<String> enumOf(JsonNode schema, String pointer) {
        List<String> values = new ArrayList<>();
        schema.at(pointer).forEach(n -> {
            if (!n.isNull()) {
                values.add(n.asText());
            }
        });
        return values;
    }

    private static void assertSameFields(String where, Class<?> type, JsonNode schema) {
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.add(component.getName());
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                JsonNode property = schema.at("/properties/" + component.getName());
                JsonNode nestedSchema = property.has("items") ? property.get("items") : property;
                assertSameFields(where + "." + component.getName(), nested, nestedSchema);
            }
        }
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).as("properties of %s", where).isEqualTo(components);
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type element = p.getActualTypeArguments()[0];
            if (element instanceof Class<?> c && c.isRecord()) {
                return c;
            }
        }
        return null;
    }

    private static List<String> propertyNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.findValues("properties").forEach(p -> p.fieldNames().forEachRemaining(names::add));
        return names;
    }

    private static void assertValid(String type, Object event) throws IOException {
        JsonNode node = MAPPER.valueToTree(event);
        Set<ValidationMessage> errors = schema(type).validate(node);
        assertThat(errors).as(type + " " + node).isEmpty();
    }

    static JsonNode schemaNode(String type) throws IOException {
        try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonSchema schema(String type) throws IOException {
        try (InputStream in = EventTypes.class.getResourceAsStream(EventTypes.schemaResource(type))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }
}
