package org.monitorserver.persistence.run;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * The CSV texts of one finish, in order: one for inline data, one per object-store chunk. Each starts with the
 * header. Opened one at a time, as they are read.
 */
public interface SampleChunks {

    /** How many texts there are. */
    int count();

    /** How error messages name text {@code index}: {@code data_csv}, or the chunk and its URI. */
    String source(int index);

    /** Text {@code index}, to be read once and closed. */
    Reader open(int index) throws IOException;

    /** No text at all: a finish that names no chunks stores no samples. */
    SampleChunks NONE = new SampleChunks() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public String source(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public Reader open(int index) {
            throw new IndexOutOfBoundsException(index);
        }
    };

    /** Inline CSV: one text, named {@code data_csv}. */
    static SampleChunks inline(String csv) {
        return new SampleChunks() {
            @Override
            public int count() {
                return 1;
            }

            @Override
            public String source(int index) {
                return "data_csv";
            }

            @Override
            public Reader open(int index) {
                return new StringReader(csv);
            }
        };
    }
}
