package org.monitorserver.client.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.monitorserver.client.model.Table;

/** How a command prints its result: an aligned table, CSV, JSON, or (compare only) Markdown. */
enum OutputFormat {
    /** Columns padded to their widest cell, a header line, two spaces apart. */
    TEXT,
    /** RFC 4180 CSV with a header line. */
    CSV,
    /** A JSON array of objects, one per row, numbers as numbers. */
    JSON,
    /** A GitHub/GitLab-flavoured Markdown table, for a merge request comment. */
    MARKDOWN;

    /** The format that {@code --csv}, {@code --json} or {@code --markdown} ask for, or text. */
    static OutputFormat of(Arguments arguments) {
        if (Stream.of("csv", "json", "markdown").filter(arguments::flag).count() > 1) {
            throw new UsageException("--csv, --json and --markdown exclude each other");
        }
        return arguments.flag("csv") ? CSV : arguments.flag("json") ? JSON : arguments.flag("markdown") ? MARKDOWN
                : TEXT;
    }

    /** Prints {@code table}. */
    void print(Table table, PrintStream out) {
        switch (this) {
            case CSV -> out.print(table.toCsv());
            case JSON -> out.println(json(table));
            case TEXT -> out.print(aligned(table));
            case MARKDOWN -> out.print(markdown(table));
            default -> throw new IllegalStateException(name());
        }
    }

    /** Prints one number named {@code name}: alone as text, else as a one-cell table. */
    void printCount(String name, long count, PrintStream out) {
        if (this == TEXT) {
            out.println(count);
        } else if (this == JSON) {
            out.println(Json.createObjectBuilder().add("count", count).build());
        } else {
            print(new Table(List.of(name), List.of(List.of(count))), out);
        }
    }

    private static String json(Table table) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (List<Object> row : table.rows()) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            for (int i = 0; i < row.size(); i++) {
                Object cell = row.get(i);
                String name = table.columns().get(i);
                if (cell == null) {
                    object.addNull(name);
                } else if (cell instanceof Integer || cell instanceof Long) {
                    object.add(name, ((Number) cell).longValue());
                } else if (cell instanceof Number number) {
                    object.add(name, number.doubleValue());
                } else {
                    object.add(name, cell.toString());
                }
            }
            array.add(object);
        }
        return array.build().toString();
    }

    private static String aligned(Table table) {
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            int width = table.columns().get(i).length();
            for (List<Object> row : table.rows()) {
                width = Math.max(width, Table.text(row.get(i)).length());
            }
            widths.add(width);
        }
        StringBuilder text = new StringBuilder();
        line(text, new ArrayList<>(table.columns()), widths);
        for (List<Object> row : table.rows()) {
            line(text, row, widths);
        }
        return text.toString();
    }

    private static String markdown(Table table) {
        StringBuilder text = new StringBuilder();
        text.append(markdownLine(new ArrayList<>(table.columns())));
        text.append("|---".repeat(table.columns().size())).append("|\n");
        for (List<Object> row : table.rows()) {
            text.append(markdownLine(row));
        }
        return text.toString();
    }

    private static String markdownLine(List<?> cells) {
        StringBuilder line = new StringBuilder("|");
        for (Object cell : cells) {
            // A bare | would end the cell and a line break the row; both may occur in test ids.
            line.append(' ').append(Table.text(cell).replace("|", "\\|").replaceAll("\\R", " ")).append(" |");
        }
        return line.append('\n').toString();
    }

    private static void line(StringBuilder text, List<?> cells, List<Integer> widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = Table.text(cells.get(i));
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths.get(i) - cell.length() + 2));
            }
        }
        text.append(line).append('\n');
    }
}
