package org.careloop.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

class FhirValidationTests {

    private static final FhirValidation VALIDATION = new FhirValidation();

    @Test
    void aValidObservationHasNoErrors() {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept(new Coding("http://loinc.org", "88122-7", null)));
        observation.setSubject(new Reference("Patient/p1"));
        observation.setValue(new CodeableConcept(new Coding("http://loinc.org", "LA28397-0", "Often true")));
        assertThat(VALIDATION.errors(observation)).isEmpty();
    }

    @Test
    void aMissingRequiredElementIsNamedByItsPath() {
        Observation observation = new Observation(); // status and code are required
        assertThat(VALIDATION.errors(observation))
                .extracting(OperationOutcomeException.Issue::expression)
                .anySatisfy(path -> assertThat(path).startsWith("Observation"));
    }

    @Test
    void strictParsingRefusesUnknownElementsAndOtherTypes() {
        assertThatThrownBy(() -> Fhir.parse(QuestionnaireResponse.class, "{\"resourceType\":\"Patient\"}"))
                .isInstanceOf(OperationOutcomeException.class)
                .hasMessageContaining("must be a QuestionnaireResponse");
        assertThatThrownBy(() -> Fhir.parse(
                        QuestionnaireResponse.class,
                        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"colour\":1}"))
                .isInstanceOf(OperationOutcomeException.class)
                .satisfies(e ->
                        assertThat(((OperationOutcomeException) e).status()).isEqualTo(400));
        assertThat(Fhir.parse(Patient.class, "{\"resourceType\":\"Patient\",\"id\":\"p1\"}")
                        .getIdPart())
                .isEqualTo("p1");
    }

    @Test
    void anOperationOutcomeCarriesTheExpression() {
        OperationOutcomeException e = OperationOutcomeException.invalid("QuestionnaireResponse.item[0]", "bad");
        OperationOutcome outcome = e.outcome();
        assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue())
                .isEqualTo("QuestionnaireResponse.item[0]");
        assertThat(VALIDATION.errors(outcome)).isEmpty();
        assertThat(Fhir.encode(outcome)).contains("\"resourceType\":\"OperationOutcome\"");
    }
}
