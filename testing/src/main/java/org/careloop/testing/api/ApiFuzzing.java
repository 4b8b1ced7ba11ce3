package org.careloop.testing.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.careloop.testing.api.OpenApiOperations.Operation;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Runs the {@link ApiFuzzer} over every operation of the service under test and asserts that it held. */
public final class ApiFuzzing {

    /** Tables every service's background work writes: the platform's outbox and inbox. */
    public static final Set<String> PLATFORM_TABLES = Set.of("outbox_event", "processed_event");

    private ApiFuzzing() {}

    /**
     * Fuzzes the service at {@code base} (a {@code @QuarkusTest}'s own HTTP port): no 5xx, problem+json everywhere,
     * a field named in every 400, nothing leaked, and no row written to any table but {@code background} ones.
     *
     * @return the report, for the test to print
     */
    public static ApiFuzzer.Report assertRobust(URI base, Set<String> background) {
        Config config = ConfigProvider.getConfig();
        TableCounts counts = new TableCounts(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class)
                        .orElse(""),
                background);
        List<Operation> operations = OpenApiOperations.of(base);
        if (operations.isEmpty()) {
            throw new AssertionError("The OpenAPI document of " + base + " declares no operation");
        }
        Map<String, Long> before = counts.settled();
        ApiFuzzer.Report report = new ApiFuzzer(base, DemoCallers::tokenFor).run(operations);
        Map<String, Long> after = counts.settled();
        System.out.println("API fuzz of " + base + " (" + operations.size() + " operations): " + report);
        if (!report.findings().isEmpty()) {
            throw new AssertionError(report.findings().size() + " findings:\n"
                    + report.findings().stream().limit(60).map(Object::toString).collect(Collectors.joining("\n")));
        }
        if (!before.equals(after)) {
            throw new AssertionError("Malformed requests wrote rows: before " + before + ", after " + after);
        }
        return report;
    }
}
