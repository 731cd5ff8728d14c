package org.monitorserver.persistence;

/**
 * LIKE patterns built from user input, with {@code \}, {@code %} and {@code _} escaped so that every character
 * the user typed is literal. Queries using them declare {@code ESCAPE '\'}.
 */
public final class LikePattern {

    private LikePattern() {
    }

    /** Matches values that start with {@code prefix}. */
    public static String startingWith(String prefix) {
        return escape(prefix) + "%";
    }

    /** Matches values that contain {@code part}. */
    public static String containing(String part) {
        return "%" + escape(part) + "%";
    }

    static String escape(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
