package org.monitorserver.client.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which fields an export writes: all of them, only those kept, or all but those dropped. As in the reference,
 * a selection is either a keep list or a drop list, never both.
 */
public final class FieldSelection {

    /** Every field. */
    public static final FieldSelection ALL = new FieldSelection(EnumSet.noneOf(Field.class), false);

    private final Set<Field> fields;
    private final boolean keep;

    private FieldSelection(Set<Field> fields, boolean keep) {
        this.fields = fields;
        this.keep = keep;
    }

    /** Only {@code fields}, in the export's own column order. */
    public static FieldSelection keep(Field... fields) {
        return new FieldSelection(copy(fields), true);
    }

    /** Every field but {@code fields}. */
    public static FieldSelection drop(Field... fields) {
        return new FieldSelection(copy(fields), false);
    }

    /** Whether the export writes {@code field}. */
    public boolean includes(Field field) {
        return keep == fields.contains(field);
    }

    private static Set<Field> copy(Field... fields) {
        Set<Field> set = EnumSet.noneOf(Field.class);
        set.addAll(java.util.List.of(fields));
        return set;
    }
}
