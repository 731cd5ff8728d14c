package org.monitorserver.domain.verdict;

import java.util.Comparator;
import java.util.Objects;

/**
 * What identifies a test across sessions and builds: its component, its path and its variant (pytest's test id
 * with parameters). Two runs of the same key in two refs are the same test.
 */
public record TestKey(String component, String itemPath, String itemVariant) implements Comparable<TestKey> {

    private static final Comparator<TestKey> ORDER = Comparator.comparing(TestKey::component)
            .thenComparing(TestKey::itemPath).thenComparing(TestKey::itemVariant);

    public TestKey {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(itemPath, "itemPath");
        Objects.requireNonNull(itemVariant, "itemVariant");
    }

    @Override
    public int compareTo(TestKey other) {
        return ORDER.compare(this, other);
    }
}
