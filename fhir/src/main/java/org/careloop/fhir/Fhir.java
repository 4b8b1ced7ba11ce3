package org.careloop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * FHIR R4 through HAPI FHIR: one shared {@link FhirContext} (expensive to build, thread-safe), a strict JSON parser
 * (unknown elements and bad values are errors, reported as an {@link OperationOutcome}) and the encoder.
 */
public final class Fhir {

    /** The FHIR JSON media type. */
    public static final String JSON = "application/fhir+json";

    /** The FHIR JSON media type with its charset, as responses carry it. */
    public static final String JSON_UTF8 = "application/fhir+json;charset=utf-8";

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {}

    public static FhirContext context() {
        return CONTEXT;
    }

    /** Encodes a resource as FHIR JSON. */
    public static String encode(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    /** Encodes a resource as indented FHIR JSON (examples, logs). */
    public static String encodePretty(IBaseResource resource) {
        return CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    /**
     * Parses FHIR JSON strictly into the expected resource type.
     *
     * @throws OperationOutcomeException (400) when the body is not JSON, not FHIR or not of that type
     */
    public static <T extends IBaseResource> T parse(Class<T> type, String body) {
        if (body == null || body.isBlank()) {
            throw OperationOutcomeException.invalid(type.getSimpleName(), "the body must hold a FHIR resource");
        }
        IParser parser = CONTEXT.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        IBaseResource resource;
        try {
            resource = parser.parseResource(body);
        } catch (DataFormatException e) {
            throw OperationOutcomeException.invalid(type.getSimpleName(), readable(e.getMessage()));
        }
        if (!type.isInstance(resource)) {
            throw OperationOutcomeException.invalid(
                    type.getSimpleName(), "must be a " + type.getSimpleName() + ", not a " + resource.fhirType());
        }
        return type.cast(resource);
    }

    /** HAPI's messages start with its own code ("HAPI-1825: "); the text after it is what a client needs. */
    static String readable(String message) {
        if (message == null) {
            return "is not valid FHIR JSON";
        }
        String text = message.replaceFirst("^HAPI-\\d+: ", "");
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
