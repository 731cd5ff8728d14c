package org.monitorserver.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Empties the integration tests' PostgreSQL database before they run ({@code exec:java} in
 * {@code pre-integration-test}, once per {@code mvn verify}); the server's migrations build the schema again at
 * the first deployment. Without it the tests' rows pile up from run to run, and since {@code StatisticsKeepingIT}
 * writes a tenth of what the database holds at each crossing, the database grew by about a third per run and
 * every run was slower than the last, with waits that a large enough database would outlast.
 *
 * <p>Arguments: the JDBC URL, user and password of {@code it.db.*}. Only a PostgreSQL URL is emptied; the H2
 * run has its own fresh data folder.
 */
public final class FreshTestDatabase {

    private FreshTestDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: FreshTestDatabase JDBC_URL USER PASSWORD");
        }
        String url = args[0];
        if (!url.startsWith("jdbc:postgresql:")) {
            System.out.println("FreshTestDatabase: " + url + " is not PostgreSQL; left as it is");
            return;
        }
        try (Connection db = connect(url, args[1], args[2]);
                Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS public CASCADE");
            sql.execute("CREATE SCHEMA public");
        }
        System.out.println("FreshTestDatabase: emptied schema public of " + url);
    }

    /**
     * A connection through the PostgreSQL driver itself, not {@code DriverManager}: each {@code exec:java} runs in a
     * class loader of its own within Maven's JVM, and {@code DriverManager} keeps the driver that the first one
     * registered, which the next ones cannot see ("No suitable driver").
     */
    static Connection connect(String url, String user, String password) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return new org.postgresql.Driver().connect(url, properties);
    }
}
