package org.familygateway.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's folders are, whether the tests run from Maven or an IDE. */
public final class Project {

    public static final Path ROOT = root();

    private Project() {
    }

    public static Path config() {
        return ROOT.resolve("config");
    }

    public static Path certs() {
        return ROOT.resolve("certs-example");
    }

    public static Path examples() {
        return ROOT.resolve("schemas").resolve("examples").resolve("v1");
    }

    private static Path root() {
        String configured = System.getProperty("gateway.project.dir");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(root.resolve("config").resolve("gateway.yaml"))) {
            throw new IllegalStateException("cannot find the project folder (looked at " + root + ")");
        }
        return root.toAbsolutePath();
    }
}
