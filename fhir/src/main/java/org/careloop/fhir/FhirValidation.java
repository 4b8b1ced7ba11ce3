package org.careloop.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * HAPI's instance validator with the base R4 resources and terminology held in memory (no terminology server: LOINC
 * and SNOMED codes are not looked up, only their shape). Building it loads the R4 definitions (a few seconds): build
 * one and share it; it is thread-safe.
 */
public final class FhirValidation {

    private final FhirValidator validator;

    public FhirValidation() {
        var context = Fhir.context();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        // Codes from systems the validator does not hold (LOINC, SNOMED, SDOHCC's) are not errors.
        instanceValidator.setNoTerminologyChecks(false);
        instanceValidator.setErrorForUnknownProfiles(false);
        instanceValidator.setAnyExtensionsAllowed(true);
        validator = context.newValidator().setValidateAgainstStandardSchema(false);
        validator.registerValidatorModule(instanceValidator);
    }

    /** The errors (severity error or fatal) of a resource against base R4; empty when it is valid. */
    public List<OperationOutcomeException.Issue> errors(IBaseResource resource) {
        ValidationResult result = validator.validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(FhirValidation::aboutStructure)
                .map(m -> new OperationOutcomeException.Issue(m.getLocationString(), IssueType.INVALID, m.getMessage()))
                .toList();
    }

    /** Throws a 400 OperationOutcome naming every error of a resource. */
    public void requireValid(IBaseResource resource) {
        List<OperationOutcomeException.Issue> errors = errors(resource);
        if (!errors.isEmpty()) {
            throw OperationOutcomeException.invalid(errors);
        }
    }

    /**
     * Unknown code systems (LOINC, SNOMED CT, SDOHCC's temporary codes) are not held here: a message that only says a
     * code could not be checked is not an error of the resource.
     */
    private static boolean aboutStructure(SingleValidationMessage m) {
        String text = m.getMessage() == null ? "" : m.getMessage();
        return !(text.contains("Unknown code system")
                || text.contains("could not be validated")
                || text.contains("A definition for CodeSystem")
                || text.contains("not found (this may not be a problem")
                || text.contains("Unable to validate code"));
    }
}
