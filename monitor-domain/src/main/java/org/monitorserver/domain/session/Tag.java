package org.monitorserver.domain.session;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;

/**
 * One tag of a session's description: a key and its value as text. Clients may post numbers or booleans;
 * they are kept in their JSON spelling ({@code 30}, {@code true}) so that filters compare strings. A JSON
 * {@code null} stays {@code null}.
 */
@Embeddable
public final class Tag {

    @Column(name = "tag_key", nullable = false, length = FieldLimits.TAG_KEY)
    private String key;

    @Column(name = "tag_value", length = FieldLimits.TAG_VALUE)
    private String value;

    protected Tag() {
    }

    public Tag(String key, String value) {
        this.key = FieldLimits.bounded("tag key", key, FieldLimits.TAG_KEY);
        this.value = FieldLimits.boundedOrNull("tag value", value, FieldLimits.TAG_VALUE);
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag other && key.equals(other.key) && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
