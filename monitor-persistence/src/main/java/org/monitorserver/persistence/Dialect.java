package org.monitorserver.persistence;

import java.util.List;
import java.util.Locale;

/**
 * The database behind MonitorDS, resolved once at start ({@code SchemaMigration}): where the few statements that
 * differ between PostgreSQL and H2 come from, so that no writer compares vendor names.
 */
public enum Dialect {
    POSTGRESQL("postgresql"),
    /** Embedded in one server: nothing in its memory is shared with another. */
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The dialect of a JDBC product name.
     *
     * @throws IllegalStateException for a database Monitor Server does not support
     */
    public static Dialect ofProduct(String product) {
        for (Dialect dialect : values()) {
            if (dialect.folder.equals(product.toLowerCase(Locale.ROOT))) {
                return dialect;
            }
        }
        throw new IllegalStateException("MonitorDS is a " + product + " database; Monitor Server supports "
                + "PostgreSQL and H2");
    }

    /** The folder of this database's own migrations, under {@code db/migration}. */
    public String folder() {
        return folder;
    }

    /**
     * An insert of one row into {@code table} unless its key is there, without a race: PostgreSQL's
     * {@code ON CONFLICT DO NOTHING}, H2's {@code MERGE ... KEY}. Positional parameters, one per column; the
     * columns are the table's key.
     */
    public String insertIfAbsent(String table, List<String> columns) {
        String names = String.join(", ", columns);
        String values = String.join(", ", columns.stream().map(c -> "?").toList());
        return this == H2 ? "MERGE INTO " + table + " (" + names + ") KEY (" + names + ") VALUES (" + values + ")"
                : "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT DO NOTHING";
    }

    /**
     * Adds a pipeline build with its first run date (tenant, pipeline, build, run date), or lowers that date when
     * the build exists with a later one. A later or equal date writes nothing, so that the sessions of one build
     * do not all rewrite its row.
     */
    public String upsertBuild() {
        return this == H2
                ? "MERGE INTO pipeline_build t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
                        + " CAST(? AS TIMESTAMP))) s (tenant_id, pipeline, build, first_run_date)"
                        + " ON t.tenant_id = s.tenant_id AND t.pipeline = s.pipeline AND t.build = s.build"
                        + " WHEN MATCHED AND s.first_run_date < t.first_run_date THEN UPDATE SET"
                        + " first_run_date = s.first_run_date"
                        + " WHEN NOT MATCHED THEN INSERT (tenant_id, pipeline, build, first_run_date)"
                        + " VALUES (s.tenant_id, s.pipeline, s.build, s.first_run_date)"
                : "INSERT INTO pipeline_build (tenant_id, pipeline, build, first_run_date) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (tenant_id, pipeline, build) DO UPDATE SET first_run_date ="
                        + " EXCLUDED.first_run_date WHERE EXCLUDED.first_run_date < pipeline_build.first_run_date";
    }

    /** The next value of {@code sequence}, as a one-row query. */
    public String nextValue(String sequence) {
        return this == H2 ? "SELECT NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')";
    }
}
