package org.monitorserver.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    private static BoundedBody body(int size, long limit) {
        return new BoundedBody(new ByteArrayInputStream(new byte[size]), limit, "MONITOR_SERVER_MAX_IMPORT_BYTES");
    }

    @Test
    void passesABodyOfExactlyTheLimit() throws IOException {
        var out = new ByteArrayOutputStream();
        assertEquals(4096, body(4096, 4096).transferTo(out));
        assertArrayEquals(new byte[4096], out.toByteArray());
    }

    @Test
    void stopsAtTheFirstBytePastTheLimitNamingTheSetting() {
        var e = assertThrows(BodyTooLargeException.class, () -> body(4097, 4096).transferTo(new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("4096") && e.getMessage().contains("MONITOR_SERVER_MAX_IMPORT_BYTES"),
                e.getMessage());
    }

    @Test
    void countsSingleBytesAndSkips() throws IOException {
        try (BoundedBody in = body(10, 5)) {
            assertEquals(3, in.skip(3));
            assertEquals(0, in.read());
            assertEquals(0, in.read());
            assertThrows(BodyTooLargeException.class, in::read);
        }
    }
}
