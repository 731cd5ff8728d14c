package org.monitorserver.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuperadminKeyTest {

    @TempDir
    Path dir;

    @Test
    void writesTheKeyReadableByItsOwnerOnlyAndReplacesAnOldFile() throws IOException {
        Path file = dir.resolve("data").resolve(SuperadminKey.FILE_NAME);
        SuperadminKey.write(file, "msk_first");
        SuperadminKey.write(file, "msk_second");
        assertEquals("msk_second\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
