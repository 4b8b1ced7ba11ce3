package org.careloop.notification.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.careloop.notification.delivery.NoticeTypes;
import org.careloop.platform.problem.Problem.FieldError;

/**
 * Validates e-mail settings as a client wrote them. A PUT replaces the settings: {@code address} is required, fields
 * left out take their defaults (disabled, the default language, the default types). All faults are reported at once,
 * each naming its field.
 */
public final class EmailRules {

    public static final String ADDRESS = "address";
    public static final String ENABLED = "enabled";
    public static final String LANGUAGE = "language";
    public static final String TYPES = "types";

    /**
     * Settings as text.
     *
     * @param address the address, required
     * @param enabled the opt-in, null for false
     * @param language a language with templates, null for the default
     * @param types notice types, null for the default list
     */
    public record Draft(String address, Boolean enabled, String language, List<String> types) {}

    /**
     * Valid settings.
     *
     * @param address a bare addr-spec
     * @param enabled the opt-in
     * @param language a language with templates
     * @param types distinct notice types, in the order of {@link NoticeTypes#ALL}
     */
    public record Settings(String address, boolean enabled, String language, List<String> types) {

        /** Without the address in full, for logs. */
        @Override
        public String toString() {
            return "address " + EmailAddresses.mask(address) + ", enabled " + enabled + ", language " + language
                    + ", types " + types;
        }
    }

    /** The outcome of validation: settings when valid, else the faults. */
    public record Result(Settings settings, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * The choices settings are checked against.
     *
     * @param languages languages that have templates
     * @param defaultLanguage the language when none is given
     * @param defaultTypes the types when none are given
     */
    public record Choices(List<String> languages, String defaultLanguage, List<String> defaultTypes) {}

    private EmailRules() {}

    public static Result validate(Draft draft, Choices choices) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddresses.problem(draft.address()).ifPresent(message -> errors.add(new FieldError(ADDRESS, message)));
        String language = draft.language() == null ? choices.defaultLanguage() : draft.language();
        if (!choices.languages().contains(language)) {
            errors.add(new FieldError(
                    LANGUAGE,
                    "must be one of " + String.join(", ", choices.languages()) + " (the languages with"
                            + " templates)"));
        }
        List<String> requested = draft.types() == null ? choices.defaultTypes() : draft.types();
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (!NoticeTypes.isType(type)) {
                errors.add(new FieldError(
                        TYPES + "[" + i + "]", "must be a notice type: " + String.join(", ", NoticeTypes.ALL)));
            } else {
                chosen.add(type);
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        List<String> types = NoticeTypes.ALL.stream().filter(chosen::contains).toList();
        return new Result(
                new Settings(draft.address(), Boolean.TRUE.equals(draft.enabled()), language, types), List.of());
    }
}
