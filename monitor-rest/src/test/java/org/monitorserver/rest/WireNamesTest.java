package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Wire names are declared once, on the records of {@code monitor-api}: no other module's sources (main or test)
 * declare a {@code @JsonbProperty}, so no second copy of an answer's shape can drift from the first.
 */
class WireNamesTest {

    @Test
    void noJsonbPropertyIsDeclaredOutsideMonitorApi() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(root.resolve("monitor-api/src/main/java")), () -> "not the project root: " + root);
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(root.resolve("monitor-api")))
                    .filter(p -> root.relativize(p).toString().contains("/src/"))
                    // Build output, such as the benchmark's worktree of an older commit (old-vs-new.sh).
                    .filter(p -> !root.relativize(p).toString().contains("/target/"))
                    .filter(p -> !p.getFileName().toString().equals("WireNamesTest.java"))
                    .filter(WireNamesTest::declaresJsonbProperty)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean declaresJsonbProperty(Path file) {
        try {
            return Files.readString(file).contains("@JsonbProperty(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
