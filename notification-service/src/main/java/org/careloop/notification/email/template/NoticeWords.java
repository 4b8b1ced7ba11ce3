package org.careloop.notification.email.template;

import java.util.Locale;
import java.util.Map;
import org.careloop.contracts.codes.StatusReasonCodes;

/**
 * The codes of a notice in words, per language: SDOHCC categories, referral statuses, outcomes and status reasons.
 * An unknown language reads English; an unknown code reads as itself with spaces for hyphens.
 */
public final class NoticeWords {

    private static final Map<String, String> CATEGORY_ES = Map.ofEntries(
            Map.entry("sdoh-category-unspecified", "necesidad social sin especificar"),
            Map.entry("food-insecurity", "inseguridad alimentaria"),
            Map.entry("housing-instability", "inestabilidad de vivienda"),
            Map.entry("homelessness", "falta de vivienda"),
            Map.entry("inadequate-housing", "vivienda inadecuada"),
            Map.entry("transportation-insecurity", "inseguridad de transporte"),
            Map.entry("financial-insecurity", "inseguridad financiera"),
            Map.entry("material-hardship", "dificultades materiales"),
            Map.entry("educational-attainment", "nivel educativo"),
            Map.entry("employment-status", "situación laboral"),
            Map.entry("veteran-status", "condición de veterano"),
            Map.entry("stress", "estrés"),
            Map.entry("social-connection", "conexión social"),
            Map.entry("intimate-partner-violence", "violencia de pareja"),
            Map.entry("elder-abuse", "maltrato de personas mayores"),
            Map.entry("personal-health-literacy", "alfabetización en salud"),
            Map.entry("health-insurance-coverage-status", "cobertura de seguro médico"),
            Map.entry("medical-cost-burden", "carga de gastos médicos"),
            Map.entry("digital-literacy", "alfabetización digital"),
            Map.entry("digital-access", "acceso digital"),
            Map.entry("utility-insecurity", "inseguridad en servicios básicos"),
            Map.entry("incarceration-status", "situación de encarcelamiento"),
            Map.entry("language-access", "acceso lingüístico"),
            Map.entry("protective-factor", "factor de protección"));

    private static final Map<String, String> CATEGORY_EN =
            Map.of("sdoh-category-unspecified", "an unspecified social need");

    private static final Map<String, String> STATUS_ES = Map.of(
            "draft", "borrador",
            "requested", "solicitada",
            "accepted", "aceptada",
            "rejected", "rechazada",
            "cancelled", "cancelada",
            "in-progress", "en curso",
            "on-hold", "en espera",
            "failed", "fallida",
            "completed", "completada",
            "entered-in-error", "registrada por error");

    private static final Map<String, String> OUTCOME_ES = Map.of(
            "need-resolved", "necesidad resuelta",
            "need-partially-resolved", "necesidad resuelta en parte",
            "need-not-resolved", "necesidad no resuelta");

    private static final Map<String, String> REASON_ES = Map.ofEntries(
            Map.entry("no-capacity", "Sin plazas disponibles"),
            Map.entry("not-eligible", "No cumple los requisitos"),
            Map.entry("could-not-contact", "No se pudo contactar a la persona"),
            Map.entry("client-declined", "La persona no aceptó"),
            Map.entry("duplicate", "Derivación duplicada"),
            Map.entry("service-not-offered", "Servicio no ofrecido"),
            Map.entry("waitlisted", "En lista de espera"),
            Map.entry("recalled-no-response", "Retirada: no se confirmó a tiempo"),
            Map.entry("reassigned", "Reasignada por un coordinador"),
            Map.entry("withdrawn-by-requester", "Retirada por quien la solicitó"),
            Map.entry("consent-revoked", "Consentimiento revocado"),
            Map.entry("consent-expired", "Consentimiento vencido o que no cubre a la organización"),
            Map.entry("declined-at-review", "Descartada en la revisión"),
            Map.entry("other", "Otro motivo"));

    private final boolean spanish;

    private NoticeWords(boolean spanish) {
        this.spanish = spanish;
    }

    /** The words of a language (BCP 47 tag; only its primary subtag counts). */
    public static NoticeWords of(String language) {
        String primary = language == null ? "" : language.split("-")[0].toLowerCase(Locale.ROOT);
        return new NoticeWords(primary.equals("es"));
    }

    /** An SDOHCC category code in words, e.g. "food insecurity". */
    public String category(String code) {
        return word(code, spanish ? CATEGORY_ES : CATEGORY_EN);
    }

    /** A referral status in words, e.g. "in progress". */
    public String status(String code) {
        return word(code, spanish ? STATUS_ES : Map.of());
    }

    /** An outcome code in words, e.g. "need resolved". */
    public String outcome(String code) {
        return word(code, spanish ? OUTCOME_ES : Map.of());
    }

    /** A status reason code in words, e.g. "No capacity". */
    public String reason(String code) {
        return word(code, spanish ? REASON_ES : StatusReasonCodes.DISPLAY);
    }

    private static String word(String code, Map<String, String> words) {
        if (code == null) {
            return null;
        }
        String word = words.get(code);
        return word != null ? word : code.replace('-', ' ');
    }
}
