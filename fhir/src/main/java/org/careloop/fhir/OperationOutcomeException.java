package org.careloop.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;

/**
 * A failed FHIR interaction: the HTTP status and the {@link OperationOutcome} that explains it, each issue naming the
 * element at fault as a FHIRPath expression. {@link OperationOutcomeMapper} writes it as {@code application/fhir+json}.
 */
public class OperationOutcomeException extends RuntimeException {

    private final int status;
    private final transient OperationOutcome outcome;

    public OperationOutcomeException(int status, OperationOutcome outcome) {
        super(summary(outcome));
        this.status = status;
        this.outcome = outcome;
    }

    public int status() {
        return status;
    }

    public OperationOutcome outcome() {
        return outcome;
    }

    /** One issue: where (FHIRPath), what kind, why. */
    public record Issue(String expression, IssueType type, String diagnostics) {}

    /** A 400 for one invalid element. */
    public static OperationOutcomeException invalid(String expression, String diagnostics) {
        return of(400, List.of(new Issue(expression, IssueType.INVALID, diagnostics)));
    }

    /** A 400 for several invalid elements. */
    public static OperationOutcomeException invalid(List<Issue> issues) {
        return of(400, issues);
    }

    public static OperationOutcomeException notFound(String expression, String diagnostics) {
        return of(404, List.of(new Issue(expression, IssueType.NOTFOUND, diagnostics)));
    }

    public static OperationOutcomeException forbidden(String diagnostics) {
        return of(403, List.of(new Issue(null, IssueType.FORBIDDEN, diagnostics)));
    }

    public static OperationOutcomeException conflict(String expression, String diagnostics) {
        return of(409, List.of(new Issue(expression, IssueType.CONFLICT, diagnostics)));
    }

    /** 412: the {@code If-Match} version is not the resource's current one. */
    public static OperationOutcomeException preconditionFailed(String diagnostics) {
        return of(412, List.of(new Issue(null, IssueType.CONFLICT, diagnostics)));
    }

    public static OperationOutcomeException of(int status, List<Issue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        for (Issue issue : issues) {
            OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
                    .setSeverity(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                    .setCode(issue.type())
                    .setDiagnostics(issue.diagnostics());
            if (issue.expression() != null) {
                component.getExpression().add(new StringType(issue.expression()));
            }
        }
        return new OperationOutcomeException(status, outcome);
    }

    private static String summary(OperationOutcome outcome) {
        return outcome.getIssue().stream()
                .map(i -> (i.getExpression().isEmpty()
                                ? ""
                                : i.getExpression().get(0).getValue() + ": ")
                        + i.getDiagnostics())
                .findFirst()
                .orElse("FHIR request failed");
    }
}
