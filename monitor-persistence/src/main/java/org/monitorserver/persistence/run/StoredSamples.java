package org.monitorserver.persistence.run;

import java.util.List;
import java.util.Map;

/**
 * What a finish stored: its sample rows, the CSV header they came with, and their statistics in the tracker's
 * layout (values are {@code Long}, {@code Double}, null or nested maps of those).
 */
public record StoredSamples(long rows, List<String> header, Map<String, Object> statistics) {

    public StoredSamples {
        header = List.copyOf(header);
    }
}
