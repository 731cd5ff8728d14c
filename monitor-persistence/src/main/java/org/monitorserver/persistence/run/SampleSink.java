package org.monitorserver.persistence.run;

import java.io.IOException;
import java.util.Map;

/** Takes a run's stored samples in order, one row at a time, as {@link RunSamples#read} streams them. */
public interface SampleSink {

    /**
     * One sample: its known columns ({@code known[i]} is column {@code SampleColumn.KNOWN.get(i)}, NaN for no
     * value) and its unknown ones by name (a null value for an empty cell).
     */
    void sample(double[] known, Map<String, String> extra) throws IOException;
}
