package org.monitorserver.client.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The columns of an export under construction: each one a header and how to read its cell from a row object.
 * Tags become one column per tag name, in the order the names first appear.
 *
 * @param <T> what one row is built from
 */
final class Columns<T> {

    private final FieldSelection selection;
    private final List<String> headers = new ArrayList<>();
    private final List<Function<T, Object>> cells = new ArrayList<>();

    Columns(FieldSelection selection) {
        this.selection = selection == null ? FieldSelection.ALL : selection;
    }

    /** Adds the column of {@code field} when the selection keeps it. */
    Columns<T> add(Field field, Function<T, Object> cell) {
        if (selection.includes(field)) {
            headers.add(field.column());
            cells.add(cell);
        }
        return this;
    }

    /** Adds one column per tag name of {@code sessions}, when the selection keeps {@link Field#TAGS}. */
    Columns<T> addTags(Iterable<Session> sessions, Function<T, Map<String, String>> tags) {
        if (selection.includes(Field.TAGS)) {
            Set<String> names = new LinkedHashSet<>();
            sessions.forEach(s -> names.addAll(s.tags().keySet()));
            for (String name : names) {
                headers.add(name);
                cells.add(row -> {
                    Map<String, String> of = tags.apply(row);
                    return of == null ? null : of.get(name);
                });
            }
        }
        return this;
    }

    /** The table of {@code rows} under these columns. */
    Table table(Iterable<T> rows) {
        List<List<Object>> lines = new ArrayList<>();
        for (T row : rows) {
            List<Object> line = new ArrayList<>(cells.size());
            cells.forEach(cell -> line.add(cell.apply(row)));
            lines.add(line);
        }
        return new Table(headers, lines);
    }
}
