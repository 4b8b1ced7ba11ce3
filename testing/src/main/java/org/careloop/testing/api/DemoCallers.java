package org.careloop.testing.api;

import java.util.Map;
import org.careloop.testing.Tokens;
import org.careloop.testing.api.OpenApiOperations.Operation;

/** Demo users of the realm by role, to call an operation as someone it admits. */
public final class DemoCallers {

    /** A demo user holding each realm role. */
    public static final Map<String, String> USER_OF_ROLE = Map.of(
            "clinic", "clinician",
            "coordinator", "coordinator",
            "cbo-staff", "foodbank-staff",
            "operator", "operator",
            "integrator", "integrator");

    private DemoCallers() {}

    /** A token of a demo user with the first role the operation admits (a coordinator when any role will do). */
    public static String tokenFor(Operation operation) {
        String role =
                operation.roles().isEmpty() ? "coordinator" : operation.roles().get(0);
        String user = USER_OF_ROLE.get(role);
        if (user == null) {
            throw new IllegalStateException(operation.name() + " admits role " + role + " that no demo user has");
        }
        return Tokens.user(user);
    }
}
