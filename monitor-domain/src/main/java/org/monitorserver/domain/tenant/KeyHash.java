package org.monitorserver.domain.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of an API key: the hex SHA-256 of the key's text. Keys are random with 192 bits of entropy, so
 * a fast unsalted hash is enough: nobody can guess a key from its hash, and salt or a slow hash (bcrypt, PBKDF2)
 * only protect keys that people choose. It also lets a request's key be found by one indexed lookup.
 */
public record KeyHash(String hex) {

    private static final int HEX_DIGITS = 64;

    /** Cloned per hash: every authenticated request makes one, and a provider lookup costs more than the hash. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public KeyHash {
        if (!isLowercaseHex(hex)) {
            throw new IllegalArgumentException("a key hash is 64 lowercase hex digits");
        }
    }

    /** The hash of {@code key}. */
    public static KeyHash of(String key) {
        return new KeyHash(HexFormat.of().formatHex(digest().digest(key.getBytes(StandardCharsets.UTF_8))));
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the runtime's SHA-256 cannot be cloned", e);
        }
    }

    // A loop, not a regular expression: this runs on every authenticated request.
    private static boolean isLowercaseHex(String text) {
        if (text == null || text.length() != HEX_DIGITS) {
            return false;
        }
        for (int i = 0; i < HEX_DIGITS; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        // Short on purpose: hashes go to logs only this way.
        return "KeyHash[" + hex.substring(0, 8) + "…]";
    }
}
