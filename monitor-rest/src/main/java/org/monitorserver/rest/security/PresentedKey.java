package org.monitorserver.rest.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The credentials a request presents, in any of the accepted forms: {@code Authorization: Bearer KEY};
 * {@code Authorization: Basic} of {@code user:KEY} (what pytest-monitor sends for
 * {@code http://user:KEY@host:8181/api/v1}); or the headers {@code Monitor-ApiKey}, with {@code Monitor-UserID}
 * and {@code Monitor-TenantID}. A user or tenant named beside the key must be the key's.
 *
 * @param user the user name sent beside the key, or null
 * @param tenant the tenant name sent beside the key, or null
 * @param key the key
 */
public record PresentedKey(String user, String tenant, String key) {

    public static final String USER_HEADER = "Monitor-UserID";
    public static final String TENANT_HEADER = "Monitor-TenantID";
    public static final String KEY_HEADER = "Monitor-ApiKey";

    /** Keys are far shorter; a longer value is refused before it is hashed. */
    static final int MAX_KEY_LENGTH = 512;

    @Override
    public String toString() {
        // Never the key: records end up in logs and exception messages.
        return "PresentedKey[user=" + user + ", tenant=" + tenant + "]";
    }

    /**
     * The credentials in a request's headers, read through {@code header}; empty when it sends none.
     *
     * @throws MalformedCredentialsException when it sends credentials that cannot be read
     */
    public static Optional<PresentedKey> from(UnaryOperator<String> header) {
        String authorization = header.apply("Authorization");
        if (authorization != null && !authorization.isBlank()) {
            return Optional.of(fromAuthorization(authorization.strip()));
        }
        String key = header.apply(KEY_HEADER);
        if (key != null) {
            return Optional.of(of(blankToNull(header.apply(USER_HEADER)), blankToNull(header.apply(TENANT_HEADER)),
                    key.strip()));
        }
        if (header.apply(USER_HEADER) != null || header.apply(TENANT_HEADER) != null) {
            throw new MalformedCredentialsException();
        }
        return Optional.empty();
    }

    private static PresentedKey fromAuthorization(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String value = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return of(null, null, value);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MalformedCredentialsException();
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new MalformedCredentialsException();
            }
            return of(blankToNull(pair.substring(0, colon)), null, pair.substring(colon + 1));
        }
        throw new MalformedCredentialsException();
    }

    private static PresentedKey of(String user, String tenant, String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new MalformedCredentialsException();
        }
        return new PresentedKey(user, tenant, key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Credentials that cannot be read: answered like wrong ones. */
    public static final class MalformedCredentialsException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedCredentialsException() {
            super(null, null, false, false);
        }
    }
}
