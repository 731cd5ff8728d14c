package org.monitorserver.persistence.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysCarryAtLeast128RandomBitsBehindTheirPrefix() {
        String key = ApiKeys.newKey();
        assertTrue(key.startsWith(ApiKeys.KEY_PREFIX), key);
        byte[] random = Base64.getUrlDecoder().decode(key.substring(ApiKeys.KEY_PREFIX.length()));
        assertTrue(random.length * 8 >= 128, "bits: " + random.length * 8);
        assertEquals(36, key.length());
    }

    @Test
    void keysDoNotRepeat() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ApiKeys.newKey()));
        }
    }
}
