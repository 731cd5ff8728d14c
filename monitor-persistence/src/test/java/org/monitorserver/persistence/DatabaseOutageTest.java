package org.monitorserver.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreOutages() {
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("closed", "08003"))));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("terminating connection due to "
                + "administrator command", "57P01"))));
        assertTrue(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.isCause(new SQLException("too many clients", "53300")));
        assertTrue(DatabaseOutage.isCause(new IllegalStateException(new ConnectException("refused"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.isCause(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isCause(new SQLException("syntax", "42601")));
        assertFalse(DatabaseOutage.isCause(new SQLException("no state")));
        assertFalse(DatabaseOutage.isCause(new IllegalArgumentException("bug")));
    }
}
