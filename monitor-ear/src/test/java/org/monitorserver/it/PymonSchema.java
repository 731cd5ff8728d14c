package org.monitorserver.it;

import java.sql.SQLException;
import java.sql.Statement;

/** The tables pytest-monitor creates in a local {@code .pymon} file (clients.md), for the tests that write one. */
final class PymonSchema {

    private PymonSchema() {
    }

    /** Creates the three tables through {@code sql}, on an empty SQLite file. */
    static void create(Statement sql) throws SQLException {
        sql.execute("CREATE TABLE TEST_SESSIONS(SESSION_H varchar(64) primary key not null unique,"
                + " RUN_DATE varchar(64), SCM_ID varchar(128), RUN_DESCRIPTION json)");
        sql.execute("CREATE TABLE EXECUTION_CONTEXTS (ENV_H varchar(64) primary key not null unique,"
                + " CPU_COUNT integer, CPU_FREQUENCY_MHZ integer, CPU_TYPE varchar(64), CPU_VENDOR varchar(256),"
                + " RAM_TOTAL_MB integer, MACHINE_NODE varchar(512), MACHINE_TYPE varchar(32),"
                + " MACHINE_ARCH varchar(16), SYSTEM_INFO varchar(256), PYTHON_INFO varchar(512))");
        sql.execute("CREATE TABLE TEST_METRICS (SESSION_H varchar(64), ENV_H varchar(64),"
                + " ITEM_START_TIME varchar(64), ITEM_PATH varchar(4096), ITEM varchar(2048),"
                + " ITEM_VARIANT varchar(2048), ITEM_FS_LOC varchar(2048), KIND varchar(64),"
                + " COMPONENT varchar(512) NULL, TOTAL_TIME float, USER_TIME float, KERNEL_TIME float,"
                + " CPU_USAGE float, MEM_USAGE float, FOREIGN KEY (ENV_H) REFERENCES"
                + " EXECUTION_CONTEXTS(ENV_H), FOREIGN KEY (SESSION_H) REFERENCES TEST_SESSIONS(SESSION_H))");
    }
}
