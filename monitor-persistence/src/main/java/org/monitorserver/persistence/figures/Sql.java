package org.monitorserver.persistence.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JDBC calls the maintained figures make: a statement with positional parameters, run on the writer's
 * connection (its transaction). Values go through {@link PreparedStatement#setObject}, which both drivers map
 * from Java's types ({@code LocalDateTime} included).
 */
final class Sql {

    private Sql() {
    }

    /** Runs an insert, update or delete; the rows it changed. */
    static int update(Connection connection, String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs a query; its rows, {@code columns} values each. */
    static List<Object[]> query(Connection connection, String sql, List<?> parameters, int columns)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                var all = new ArrayList<Object[]>();
                while (rows.next()) {
                    var row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rows.getObject(c + 1);
                    }
                    all.add(row);
                }
                return all;
            }
        }
    }

    private static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
