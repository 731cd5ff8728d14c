package org.monitorserver.domain.tenant;

import java.util.regex.Pattern;

/** Tenant and user names: they are path segments of the admin routes, so they are kept to a safe alphabet. */
public final class Names {

    /** A lowercase letter or digit, then up to 63 of lowercase letters, digits, {@code _} and {@code -}. */
    public static final String PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Names() {
    }

    /** Whether {@code name} is a valid tenant or user name. */
    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
