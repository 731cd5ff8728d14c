package org.monitorserver.domain.count;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One shard of the number of metrics of one large listing (all of a tenant's metrics, or those of a context, a
 * component or a scope) whose ids fall in one block of {@link #IDS_PER_BLOCK} ids. Listings are in id order, so
 * the blocks before a page's first row hold exactly the rows before it: summing a few hundred block rows tells a
 * deep page which block it starts in and how far into it, and the page is then read from that block's first id
 * instead of skipping every row before it. Writers add to one random shard per transaction, in that transaction,
 * as for {@link MetricTally}: exact on any number of instances.
 */
@Entity
@Table(name = "metric_block")
@IdClass(MetricBlock.Key.class)
@Cacheable(false)
@NamedQuery(name = MetricBlock.SUM_BY_LISTING,
        query = "SELECT b.block, SUM(b.rows) FROM MetricBlock b"
                + " WHERE b.tenantId = :tenant AND b.listing = :listing AND b.groupKey = :key"
                + " GROUP BY b.block ORDER BY b.block")
public class MetricBlock {

    /** Per block, in id order: {@code [block, rows]}. */
    public static final String SUM_BY_LISTING = "MetricBlock.sumByListing";

    /**
     * Ids per block. A deep page skips at most the rows of one block (its listing's share of 8,192 ids, about a
     * millisecond per thousand rows), and sums the listing's blocks first: 1,221 blocks at ten million metrics.
     * Between those two costs, 8,192 is near the cheapest from one to ten million metrics.
     */
    public static final long IDS_PER_BLOCK = 8_192;

    /**
     * Shards per block. Only the newest blocks are written to, by the last statement before each commit, so a
     * writer holds their rows only while it commits; two shards keep two writers apart most of the time, and a
     * deep page sums at most two rows per block.
     */
    public static final int SHARDS = 2;

    /** The listings counted by block: those that reach millions of rows. */
    public enum Listing {
        /** Every metric of the tenant; the key is empty. */
        ALL,
        CONTEXT,
        COMPONENT,
        /** The item's kind, which the API calls its scope. */
        KIND
    }

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "listing", length = 16)
    private Listing listing;

    @Id
    @Column(name = "group_key", length = 2048)
    private String groupKey;

    @Id
    @Column(name = "block")
    private long block;

    @Id
    @Column(name = "shard")
    private int shard;

    @Column(name = "row_total", nullable = false)
    private long rows;

    protected MetricBlock() {
    }

    /** The block that holds metric id {@code id}. */
    public static long of(long id) {
        return Math.floorDiv(id, IDS_PER_BLOCK);
    }

    /** The primary key: tenant, listing, group, block and shard. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private Listing listing;
        private String groupKey;
        private long block;
        private int shard;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId && listing == other.listing
                    && Objects.equals(groupKey, other.groupKey) && block == other.block && shard == other.shard;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, listing, groupKey, block, shard);
        }
    }
}
