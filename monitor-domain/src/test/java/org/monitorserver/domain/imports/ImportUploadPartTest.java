package org.monitorserver.domain.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImportUploadPartTest {

    @Test
    void holdsAtMostOneMebibyte() {
        assertEquals(ImportUploadPart.MAX_BYTES, new ImportUploadPart(1, 0, new byte[ImportUploadPart.MAX_BYTES])
                .getContent().length);
        assertThrows(IllegalArgumentException.class,
                () -> new ImportUploadPart(1, 0, new byte[ImportUploadPart.MAX_BYTES + 1]));
    }

    @Test
    void numbersPartsFromZero() {
        assertThrows(IllegalArgumentException.class, () -> new ImportUploadPart(1, -1, new byte[1]));
    }

    @Test
    void keysAreEqualByJobAndPart() {
        assertEquals(new ImportUploadPart.Key(7, 2), new ImportUploadPart.Key(7, 2));
        assertEquals(new ImportUploadPart.Key(7, 2).hashCode(), new ImportUploadPart.Key(7, 2).hashCode());
        assertNotEquals(new ImportUploadPart.Key(7, 2), new ImportUploadPart.Key(7, 3));
        assertNotEquals(new ImportUploadPart.Key(7, 2), new ImportUploadPart.Key(8, 2));
    }
}
