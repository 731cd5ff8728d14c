package org.monitorserver.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class KeyHashTest {

    @Test
    void isTheHexSha256OfTheKey() {
        // echo -n abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", KeyHash.of("abc").hex());
    }

    @Test
    void neverShowsItselfWholeInLogs() {
        KeyHash hash = KeyHash.of("msk_secret");
        assertFalse(hash.toString().contains(hash.hex()));
        assertThrows(IllegalArgumentException.class, () -> new KeyHash("not-hex"));
    }

    @Test
    void onlySixtyFourLowercaseHexDigitsAreAHash() {
        String good = "0123456789abcdef".repeat(4);
        assertEquals(good, new KeyHash(good).hex());
        for (String bad : new String[] {null, "", good.substring(1), good + "0", good.toUpperCase(),
                good.substring(1) + "g", good.substring(1) + "/", good.substring(1) + ":", good.substring(1) + "`"}) {
            assertThrows(IllegalArgumentException.class, () -> new KeyHash(bad), bad);
        }
    }

    @Test
    void hashesAreTheSameFromManyThreads() throws Exception {
        String expected = KeyHash.of("msk_shared").hex();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var tasks = new ArrayList<Callable<String>>();
            for (int i = 0; i < 64; i++) {
                tasks.add(() -> KeyHash.of("msk_shared").hex());
            }
            for (var result : pool.invokeAll(tasks)) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void namesAreSafePathSegments() {
        assertTrue(Names.isValid("team-a_1"));
        assertTrue(Names.isValid("a".repeat(64)));
        for (String bad : new String[] {null, "", "Team", "-a", "a b", "a/b", "a".repeat(65), "é"}) {
            assertFalse(Names.isValid(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new Tenant("Bad", LocalDateTime.now()));
        assertThrows(IllegalArgumentException.class, () -> new User(1, "ok", Role.SUPERADMIN, LocalDateTime.now()));
    }

    @Test
    void aCredentialIsActiveUntilRevokedOrItsUserDisabled() {
        var now = LocalDateTime.now();
        assertTrue(new Credential(1, null, null, 2, "ci", Role.USER, false, 3, "t").isActive());
        assertFalse(new Credential(1, now, null, 2, "ci", Role.USER, false, 3, "t").isActive());
        assertFalse(new Credential(1, null, null, 2, "ci", Role.USER, true, 3, "t").isActive());
        assertEquals(Role.TENANT_ADMIN, Role.ofWireName("tenant_admin").orElseThrow());
        assertTrue(Role.ofWireName("root").isEmpty());
    }
}
