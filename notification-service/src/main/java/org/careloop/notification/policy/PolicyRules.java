package org.careloop.notification.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.careloop.platform.problem.Problem.FieldError;

/**
 * Validates a policy as a client or the configuration wrote it: every duration ISO-8601 and positive, remind before
 * escalate before recall, the contact warning inside the contact window. Fields left out take their value from a base
 * policy (the default). All faults are reported at once, each naming its field.
 */
public final class PolicyRules {

    public static final String REMIND_AFTER = "remindAfter";
    public static final String ESCALATE_AFTER = "escalateAfter";
    public static final String RECALL_AFTER = "recallAfter";
    public static final String OUTCOME_UPDATE_AFTER = "outcomeUpdateAfter";
    public static final String CONTACT_WINDOW = "contactWindow";
    public static final String CONTACT_WARNING_BEFORE = "contactWarningBefore";
    public static final String BUSINESS_TIME = "businessTime";

    /**
     * A policy as text.
     *
     * @param remindAfter ISO-8601 duration, or null to keep the base value
     * @param escalateAfter ISO-8601 duration, or null
     * @param recallAfter ISO-8601 duration, or null
     * @param outcomeUpdateAfter ISO-8601 duration, or null
     * @param contactWindow ISO-8601 duration, or null
     * @param contactWarningBefore ISO-8601 duration, or null
     * @param businessTime or null
     */
    public record Draft(
            String remindAfter,
            String escalateAfter,
            String recallAfter,
            String outcomeUpdateAfter,
            String contactWindow,
            String contactWarningBefore,
            Boolean businessTime) {}

    /** The outcome of validation: settings when valid, else the faults. */
    public record Result(PolicySettings settings, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private PolicyRules() {}

    /**
     * Validates a draft.
     *
     * @param draft what the client sent
     * @param base values for the fields the draft leaves out; null when every field is required
     */
    public static Result validate(Draft draft, PolicySettings base) {
        List<FieldError> errors = new ArrayList<>();
        ChaseDuration remind =
                duration(REMIND_AFTER, draft.remindAfter(), base == null ? null : base.remindAfter(), errors);
        ChaseDuration escalate =
                duration(ESCALATE_AFTER, draft.escalateAfter(), base == null ? null : base.escalateAfter(), errors);
        ChaseDuration recall =
                duration(RECALL_AFTER, draft.recallAfter(), base == null ? null : base.recallAfter(), errors);
        ChaseDuration outcome = duration(
                OUTCOME_UPDATE_AFTER,
                draft.outcomeUpdateAfter(),
                base == null ? null : base.outcomeUpdateAfter(),
                errors);
        ChaseDuration window =
                duration(CONTACT_WINDOW, draft.contactWindow(), base == null ? null : base.contactWindow(), errors);
        ChaseDuration warning = duration(
                CONTACT_WARNING_BEFORE,
                draft.contactWarningBefore(),
                base == null ? null : base.contactWarningBefore(),
                errors);
        Boolean businessTime =
                draft.businessTime() != null ? draft.businessTime() : base == null ? null : base.businessTime();
        if (businessTime == null) {
            errors.add(new FieldError(BUSINESS_TIME, "is required"));
        }
        // Order is checked between valid values only, so that one bad field is not also reported as out of order.
        if (remind != null && escalate != null && escalate.compareTo(remind) <= 0) {
            errors.add(new FieldError(
                    ESCALATE_AFTER,
                    "must be longer than remindAfter (" + remind + "): remind, then escalate, then recall"));
        }
        if (escalate != null && recall != null && recall.compareTo(escalate) <= 0) {
            errors.add(new FieldError(
                    RECALL_AFTER,
                    "must be longer than escalateAfter (" + escalate + "): remind, then escalate, then recall"));
        } else if (escalate == null && remind != null && recall != null && recall.compareTo(remind) <= 0) {
            errors.add(new FieldError(RECALL_AFTER, "must be longer than remindAfter (" + remind + ")"));
        }
        if (window != null && warning != null && warning.compareTo(window) >= 0) {
            errors.add(new FieldError(CONTACT_WARNING_BEFORE, "must be shorter than contactWindow (" + window + ")"));
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(
                new PolicySettings(remind, escalate, recall, outcome, window, warning, businessTime), List.of());
    }

    private static ChaseDuration duration(String field, String text, ChaseDuration fallback, List<FieldError> errors) {
        if (text == null) {
            if (fallback == null) {
                errors.add(new FieldError(field, "is required"));
            }
            return fallback;
        }
        if (ChaseDuration.looksNegative(text)) {
            errors.add(new FieldError(field, "must be positive, was " + text));
            return null;
        }
        Optional<ChaseDuration> parsed = ChaseDuration.parse(text);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, ChaseDuration.FORMAT + "; was '" + text + "'"));
            return null;
        }
        ChaseDuration value = parsed.get();
        if (value.isZero()) {
            errors.add(new FieldError(field, "must be positive, was " + text));
            return null;
        }
        if (value.nominal().compareTo(java.time.Duration.ofDays(ChaseDuration.MAX_DAYS)) > 0) {
            errors.add(new FieldError(field, "must be at most P" + ChaseDuration.MAX_DAYS + "D"));
            return null;
        }
        return value;
    }
}
