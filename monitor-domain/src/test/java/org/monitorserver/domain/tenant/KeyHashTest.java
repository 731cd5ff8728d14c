package org.monitorserver.domain.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
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
