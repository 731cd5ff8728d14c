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

    public KeyHash {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a key hash is 64 lowercase hex digits");
        }
    }

    /** The hash of {@code key}. */
    public static KeyHash of(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new KeyHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // Short on purpose: hashes go to logs only this way.
        return "KeyHash[" + hex.substring(0, 8) + "…]";
    }
}
