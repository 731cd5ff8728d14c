package org.monitorserver.client.model;

/**
 * The fields an export can keep or drop, named as the reference library names them; {@link #column()} is the
 * column header of an export.
 */
public enum Field {
    /** Session identifier of a metric. */
    SESSION_H,
    /** Context identifier of a metric. */
    CONTEXT_H,
    /** When the item started. */
    ITEM_START_TIME,
    /** Python path to the item. */
    ITEM_PATH,
    /** Test name. */
    ITEM,
    /** Test name with its parameters. */
    ITEM_VARIANT,
    /** File holding the test. */
    ITEM_FS_LOC,
    /** Test scope. */
    KIND,
    /** Component of the test; empty for none. */
    COMPONENT,
    /** Total time, seconds. */
    TOTAL_TIME,
    /** User time, seconds. */
    USER_TIME,
    /** Kernel time, seconds. */
    KERNEL_TIME,
    /** CPU use. */
    CPU_USAGE,
    /** Memory use, MB. */
    MEM_USAGE,
    /** Session or context identifier, in the exports of sessions and contexts. */
    H,
    /** Source code reference of a session. */
    SCM,
    /** When a session started. */
    RUN_DATE,
    /** A session's tags, one column per tag name. */
    TAGS,
    /** Number of CPUs. */
    CPU_COUNT,
    /** CPU frequency, MHz. */
    CPU_FREQUENCY_MHZ,
    /** CPU type. */
    CPU_TYPE,
    /** CPU vendor. */
    CPU_VENDOR,
    /** Memory of the machine, MB. */
    RAM_TOTAL_MB,
    /** Host name. */
    MACHINE_NODE,
    /** Machine type. */
    MACHINE_TYPE,
    /** Machine architecture. */
    MACHINE_ARCH,
    /** Kernel information. */
    SYSTEM_INFO,
    /** Interpreter information. */
    PYTHON_INFO;

    /** The column header: the lower-case name, as the reference's data frames have it. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
