package org.careloop.contracts.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CareLoop's coded reasons for a referral status ({@code Task.statusReason}); the SDOHCC IG defines no value set for
 * them. The free-text reason travels beside the code.
 */
public final class StatusReasonCodes {

    /** Code system of these codes, for FHIR {@code Task.statusReason.coding}. */
    public static final String SYSTEM = "https://careloop.org/fhir/CodeSystem/referral-status-reason";

    /** The organization has no place for the person now (the SDOHCC "at capacity" rejection). */
    public static final String NO_CAPACITY = "no-capacity";

    public static final String NOT_ELIGIBLE = "not-eligible";
    public static final String COULD_NOT_CONTACT = "could-not-contact";
    public static final String CLIENT_DECLINED = "client-declined";
    public static final String DUPLICATE = "duplicate";
    public static final String SERVICE_NOT_OFFERED = "service-not-offered";
    public static final String WAITLISTED = "waitlisted";
    /** The organization did not acknowledge in time: CareLoop withdrew the referral (a recall) and re-routes it. */
    public static final String RECALLED_NO_RESPONSE = "recalled-no-response";
    /** A coordinator moved the need to another service. */
    public static final String REASSIGNED = "reassigned";
    /** The requesting clinic withdrew the referral. */
    public static final String WITHDRAWN_BY_REQUESTER = "withdrawn-by-requester";

    /** The person withdrew their consent to share: open referrals end and nothing more is disclosed. */
    public static final String CONSENT_REVOKED = "consent-revoked";
    /** The person's consent ended (its period is over, or it no longer covers the organization). */
    public static final String CONSENT_EXPIRED = "consent-expired";
    /** The clinic and the person decided, at review, not to send the proposed referral. */
    public static final String DECLINED_AT_REVIEW = "declined-at-review";

    public static final String OTHER = "other";

    /** Code to display text. */
    public static final Map<String, String> DISPLAY;

    /** Every code, in a stable order. */
    public static final List<String> ALL;

    static {
        Map<String, String> display = new LinkedHashMap<>();
        display.put(NO_CAPACITY, "No capacity");
        display.put(NOT_ELIGIBLE, "Not eligible");
        display.put(COULD_NOT_CONTACT, "Could not contact the person");
        display.put(CLIENT_DECLINED, "The person declined");
        display.put(DUPLICATE, "Duplicate referral");
        display.put(SERVICE_NOT_OFFERED, "Service not offered");
        display.put(WAITLISTED, "On the waitlist");
        display.put(RECALLED_NO_RESPONSE, "Recalled: not acknowledged in time");
        display.put(REASSIGNED, "Reassigned by a coordinator");
        display.put(WITHDRAWN_BY_REQUESTER, "Withdrawn by the requester");
        display.put(CONSENT_REVOKED, "Consent revoked");
        display.put(CONSENT_EXPIRED, "Consent expired or does not cover the organization");
        display.put(DECLINED_AT_REVIEW, "Declined at review");
        display.put(OTHER, "Other");
        DISPLAY = Map.copyOf(display);
        ALL = List.copyOf(display.keySet());
    }

    private StatusReasonCodes() {}

    public static boolean isCode(String value) {
        return value != null && DISPLAY.containsKey(value);
    }
}
