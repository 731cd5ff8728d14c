package org.monitorserver.domain.run;

/** How a run's summary folds one sample column over its rows, decided by the column's name as the tracker does. */
public enum Aggregate {
    /** Not summarised: identifiers, counters of the host's lifetime, sizes that are constant, and unknown names. */
    NONE,
    /** The mean and the maximum: levels sampled at each interval (usage, memory, GPU). */
    MEAN_MAX,
    /** The maximum only: the disk space used, where the peak is what matters. */
    MAX,
    /** The sum: traffic per interval (bytes read, written, sent, received). */
    SUM;

    /**
     * The aggregate of a column, by the first rule that matches: {@code timestamp} is none (it gives the
     * duration); {@code system_disk_space_used*} the maximum; any other {@code system_disk_space_*} none;
     * {@code system_*} or {@code process_*} ending {@code _bytes} the sum, ending {@code _usage}, {@code _mib},
     * {@code _gib} or {@code _utilized} the mean and maximum; anything else none.
     */
    public static Aggregate of(String column) {
        if (column.equals("timestamp")) {
            return NONE;
        }
        if (column.startsWith("system_disk_space_used")) {
            return MAX;
        }
        if (column.startsWith("system_disk_space_")) {
            return NONE;
        }
        if (!column.startsWith("system_") && !column.startsWith("process_")) {
            return NONE;
        }
        if (column.endsWith("_bytes")) {
            return SUM;
        }
        if (column.endsWith("_usage") || column.endsWith("_mib") || column.endsWith("_gib")
                || column.endsWith("_utilized")) {
            return MEAN_MAX;
        }
        return NONE;
    }
}
