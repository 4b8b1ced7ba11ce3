package org.careloop.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations inside the checkout, handed to tests by the build as the {@code careloop.root} system property. */
public final class TestPaths {

    private TestPaths() {}

    /** The repository root. */
    public static Path root() {
        String configured = System.getProperty("careloop.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("deploy/local/stack")) && Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the CareLoop checkout (deploy/local/stack) from " + start);
    }

    /** Scratch space for test infrastructure that the root {@code mvn clean} removes. */
    public static Path scratch(String name) {
        return root().resolve("target").resolve("test-infra").resolve(name);
    }
}
