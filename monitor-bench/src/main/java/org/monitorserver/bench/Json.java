package org.monitorserver.bench;

import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The little JSON reading the benchmark needs: whole-number fields of the server's flat answers
 * ({@code {"count":n}}, the bulk report). No parser, to stay JDK-only.
 */
final class Json {

    private Json() {
    }

    /** The whole number under top-level-or-not key {@code name}, if the text has one. */
    static OptionalLong longField(String json, String name) {
        var matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }
}
