package org.careloop.notification.common;

import java.util.List;
import org.careloop.platform.problem.Problem.FieldError;
import org.careloop.platform.problem.ProblemException;

/** Problem responses for input that failed this service's own rules (beyond bean validation). */
public final class Problems {

    private Problems() {}

    /** A 400 naming every field at fault, like the platform's bean-validation problems. */
    public static ProblemException invalid(List<FieldError> errors) {
        FieldError first = errors.getFirst();
        String detail = first.field() + ": " + first.message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new ProblemException(400, "validation", "Invalid request", detail, List.copyOf(errors));
    }
}
