package org.monitorserver.domain.statistics;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.regex.Pattern;
import org.monitorserver.domain.count.RowCount;
import org.monitorserver.domain.count.RowCount.Family;

/**
 * When one table was last analyzed by a server: the maintained row total ({@link RowCount}, over every tenant) of
 * the family the table grows with, at that {@code ANALYZE}, and the time. A table is due again once that total has
 * moved by more than {@link #DUE_SHARE} of what it was. A server claims an analysis with {@link #CLAIM}, a
 * conditional UPDATE on the number of analyses it read: of several servers that find the table due, one updates
 * the row and analyzes, the others update nothing and skip it. The rows are made by the migration that creates
 * their table; no code inserts one.
 */
@Entity
@Table(name = "analyze_mark")
@Cacheable(false)
@NamedQuery(name = AnalyzeMark.FIND_ALL, query = "SELECT m FROM AnalyzeMark m ORDER BY m.tableName")
@NamedQuery(name = AnalyzeMark.CLAIM,
        query = "UPDATE AnalyzeMark m SET m.rowsAtAnalyze = :rows, m.analyzedAt = :now, m.analyses = m.analyses + 1"
                + " WHERE m.tableName = :table AND m.analyses = :analyses")
public class AnalyzeMark {

    public static final String FIND_ALL = "AnalyzeMark.findAll";
    public static final String CLAIM = "AnalyzeMark.claim";

    /**
     * Rows written since the last analysis, as a share of the rows then, past which a table is due: autovacuum's
     * default {@code autovacuum_analyze_scale_factor}, which these databases run without.
     */
    public static final double DUE_SHARE = 0.1;

    /** Lower-case SQL identifiers only: the name goes into {@code ANALYZE} unquoted. */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Id
    @Column(name = "table_name", length = 63)
    private String tableName;

    @Enumerated(EnumType.STRING)
    @Column(name = "family", nullable = false, length = 16)
    private Family family;

    @Column(name = "rows_at_analyze", nullable = false)
    private long rowsAtAnalyze;

    @Column(name = "analyzed_at")
    private LocalDateTime analyzedAt;

    @Column(name = "analyses", nullable = false)
    private long analyses;

    protected AnalyzeMark() {
    }

    /**
     * The mark of {@code tableName}, which grows with {@code family}: analyzed {@code analyses} times, the last at
     * {@code analyzedAt} with {@code rowsAtAnalyze} rows (null and 0 and 0: never).
     */
    public AnalyzeMark(String tableName, Family family, long rowsAtAnalyze, LocalDateTime analyzedAt,
            long analyses) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("not a lower-case SQL identifier: " + tableName);
        }
        if (rowsAtAnalyze < 0 || analyses < 0 || (analyzedAt == null) != (analyses == 0)) {
            throw new IllegalArgumentException("a mark counts rows and analyses from 0, and has a time once"
                    + " analyzed: " + rowsAtAnalyze + " rows, " + analyses + " analyses at " + analyzedAt);
        }
        this.tableName = tableName;
        this.family = Objects.requireNonNull(family, "family");
        this.rowsAtAnalyze = rowsAtAnalyze;
        this.analyzedAt = analyzedAt;
        this.analyses = analyses;
    }

    /**
     * Whether the table needs an analysis now that its family has {@code rows}: it holds rows and was never
     * analyzed, or more than {@link #DUE_SHARE} of the rows it had then were written (or went) since.
     */
    public boolean isDueAt(long rows) {
        if (analyzedAt == null) {
            return rows > 0;
        }
        return Math.abs(rows - rowsAtAnalyze) > rowsAtAnalyze * DUE_SHARE;
    }

    /** The statement that refreshes the table's statistics (PostgreSQL). */
    public String analyzeStatement() {
        return "ANALYZE " + checkedTableName();
    }

    /**
     * The statement that sets the table's visibility map and reclaims its dead rows (PostgreSQL; it runs only
     * outside a transaction).
     */
    public String vacuumStatement() {
        return "VACUUM " + checkedTableName();
    }

    private String checkedTableName() {
        // Checked here too: rows loaded from the database never went through the constructor.
        if (!TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalStateException("analyze_mark names a table that is not an identifier: " + tableName);
        }
        return tableName;
    }

    public String getTableName() {
        return tableName;
    }

    public Family getFamily() {
        return family;
    }

    public long getRowsAtAnalyze() {
        return rowsAtAnalyze;
    }

    public long getAnalyses() {
        return analyses;
    }
}
