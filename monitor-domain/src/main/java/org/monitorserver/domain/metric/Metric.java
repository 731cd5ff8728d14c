package org.monitorserver.domain.metric;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.verdict.TestRun;

/**
 * The resource use of one test item in one session on one context. Metrics are append-only: every POST is a
 * new row, since pytest-monitor gives them no identity of their own. Every listing is ordered by id, which is
 * arrival order, so pages neither repeat nor skip rows. The largest listings have a newest-first twin, which reads
 * their last pages from the far end (the same index, backwards). SCM, pipeline and build filters go through the
 * metric's session, joined by hash (a metric may arrive before its session, and then matches once it is there).
 * Those largest listings also take an id bound ({@code fromId}, {@code belowId} for the newest-first twin), from
 * which a deep page starts reading (see {@link org.monitorserver.domain.count.MetricBlock}). The listings build
 * {@link MetricRow} projections, not entities: nothing to manage or track for rows that are only read.
 */
@Entity
@Table(name = "metric")
@Cacheable(false)
@NamedQuery(name = Metric.FIND_BY_TENANT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.id >= :fromId ORDER BY m.id")
@NamedQuery(name = Metric.FIND_NEWEST_BY_TENANT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.id < :belowId ORDER BY m.id DESC")
@NamedQuery(name = Metric.FIND_BY_SESSION,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.sessionHash = :session ORDER BY m.id")
@NamedQuery(name = Metric.COUNT_BY_SESSION,
        query = "SELECT COUNT(m) FROM Metric m WHERE m.tenantId = :tenant AND m.sessionHash = :session")
@NamedQuery(name = Metric.FIND_BY_SESSIONS,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.sessionHash IN :sessions ORDER BY m.id")
@NamedQuery(name = Metric.COUNT_BY_SESSIONS,
        query = "SELECT COUNT(m) FROM Metric m WHERE m.tenantId = :tenant AND m.sessionHash IN :sessions")
@NamedQuery(name = Metric.FIND_BY_CONTEXT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.contextHash = :context AND m.id >= :fromId ORDER BY m.id")
@NamedQuery(name = Metric.FIND_NEWEST_BY_CONTEXT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.contextHash = :context AND m.id < :belowId ORDER BY m.id DESC")
@NamedQuery(name = Metric.FIND_BY_KIND,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.kind = :kind AND m.id >= :fromId ORDER BY m.id")
@NamedQuery(name = Metric.FIND_NEWEST_BY_KIND,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.kind = :kind AND m.id < :belowId ORDER BY m.id DESC")
@NamedQuery(name = Metric.FIND_BY_ITEM,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.name = :item ORDER BY m.id")
@NamedQuery(name = Metric.FIND_BY_ITEM_LIKE,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.name LIKE :pattern ESCAPE '\\' ORDER BY m.id")
@NamedQuery(name = Metric.FIND_BY_ITEMS,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.name IN :names ORDER BY m.id")
@NamedQuery(name = Metric.FIND_IDS_BY_ITEM,
        query = "SELECT m.id FROM Metric m WHERE m.tenantId = :tenant AND m.item.name = :name ORDER BY m.id")
@NamedQuery(name = Metric.FIND_BY_VARIANT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.variant = :variant ORDER BY m.id")
@NamedQuery(name = Metric.FIND_BY_VARIANT_LIKE,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.variant LIKE :pattern ESCAPE '\\' ORDER BY m.id")
@NamedQuery(name = Metric.FIND_BY_VARIANTS,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.variant IN :names ORDER BY m.id")
@NamedQuery(name = Metric.FIND_IDS_BY_VARIANT,
        query = "SELECT m.id FROM Metric m WHERE m.tenantId = :tenant AND m.item.variant = :name ORDER BY m.id")
@NamedQuery(name = Metric.FIND_BY_IDS,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.id IN :ids ORDER BY m.id")
@NamedQuery(name = Metric.FIND_BY_COMPONENT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.component = :component AND m.id >= :fromId ORDER BY m.id")
@NamedQuery(name = Metric.FIND_NEWEST_BY_COMPONENT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.component = :component AND m.id < :belowId ORDER BY m.id DESC")
@NamedQuery(name = Metric.FIND_BY_COMPONENT_AND_ITEM,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.component = :component AND m.item.name = :item ORDER BY m.id")
@NamedQuery(name = Metric.COUNT_BY_COMPONENT_AND_ITEM,
        query = "SELECT COUNT(m) FROM Metric m WHERE m.tenantId = :tenant AND m.item.component = :component AND m.item.name = :item")
@NamedQuery(name = Metric.FIND_BY_COMPONENT_AND_VARIANT,
        query = MetricRow.SELECT + " FROM Metric m WHERE m.tenantId = :tenant AND m.item.component = :component AND m.item.variant = :variant ORDER BY m.id")
@NamedQuery(name = Metric.COUNT_BY_COMPONENT_AND_VARIANT,
        query = "SELECT COUNT(m) FROM Metric m WHERE m.tenantId = :tenant AND m.item.component = :component AND m.item.variant = :variant")
@NamedQuery(name = Metric.FIND_BY_SCM_PREFIX,
        query = MetricRow.SELECT + " FROM Metric m, Session s WHERE s.tenantId = :tenant AND s.scmRef LIKE :prefix ESCAPE '\\'"
                + " AND m.tenantId = s.tenantId AND m.sessionHash = s.hash ORDER BY m.id")
@NamedQuery(name = Metric.COUNT_BY_SCM_PREFIX,
        query = "SELECT COUNT(m) FROM Metric m, Session s WHERE s.tenantId = :tenant AND s.scmRef LIKE :prefix ESCAPE '\\'"
                + " AND m.tenantId = s.tenantId AND m.sessionHash = s.hash")
@NamedQuery(name = Metric.FIND_TEST_RUNS_BY_SESSIONS,
        query = TestRun.SELECT + " FROM Metric m, Session s WHERE m.tenantId = :tenant"
                + " AND m.sessionHash IN :sessions AND s.tenantId = m.tenantId AND s.hash = m.sessionHash")
@NamedQuery(name = Metric.FIND_TEST_RUNS_BY_BUILD,
        query = TestRun.SELECT + " FROM Session s, Metric m WHERE s.tenantId = :tenant AND s.pipeline = :pipeline"
                + " AND s.build = :build AND m.tenantId = s.tenantId AND m.sessionHash = s.hash")
@NamedQuery(name = Metric.FIND_TEST_RUNS_BY_ITEM_AND_PIPELINE,
        query = TestRun.SELECT + " FROM Metric m, Session s WHERE m.tenantId = :tenant"
                + " AND m.item.name = :item AND s.tenantId = m.tenantId AND s.hash = m.sessionHash"
                + " AND s.pipeline = :pipeline")
@NamedQuery(name = Metric.FIND_TEST_RUNS_BY_ITEM_VARIANT_AND_PIPELINE,
        query = TestRun.SELECT + " FROM Metric m, Session s WHERE m.tenantId = :tenant"
                + " AND m.item.name = :item AND m.item.variant = :variant AND s.tenantId = m.tenantId"
                + " AND s.hash = m.sessionHash AND s.pipeline = :pipeline")
public class Metric {

    /** The runs of every test in some sessions, for comparisons. */
    public static final String FIND_TEST_RUNS_BY_SESSIONS = "Metric.findTestRunsBySessions";
    /** The runs of every test in a build's sessions, for a comparison's history. */
    public static final String FIND_TEST_RUNS_BY_BUILD = "Metric.findTestRunsByBuild";
    /** The runs of an item in a pipeline's sessions, for histories. */
    public static final String FIND_TEST_RUNS_BY_ITEM_AND_PIPELINE = "Metric.findTestRunsByItemAndPipeline";
    /** The same, of one variant of the item. */
    public static final String FIND_TEST_RUNS_BY_ITEM_VARIANT_AND_PIPELINE = "Metric.findTestRunsByItemVariantAndPipeline";
    public static final String FIND_BY_TENANT = "Metric.findByTenant";
    public static final String FIND_NEWEST_BY_TENANT = "Metric.findNewestByTenant";
    public static final String FIND_BY_SESSION = "Metric.findBySession";
    public static final String COUNT_BY_SESSION = "Metric.countBySession";
    public static final String FIND_BY_SESSIONS = "Metric.findBySessions";
    public static final String COUNT_BY_SESSIONS = "Metric.countBySessions";
    public static final String FIND_BY_CONTEXT = "Metric.findByContext";
    public static final String FIND_NEWEST_BY_CONTEXT = "Metric.findNewestByContext";
    public static final String FIND_BY_KIND = "Metric.findByKind";
    public static final String FIND_NEWEST_BY_KIND = "Metric.findNewestByKind";
    public static final String FIND_BY_ITEM = "Metric.findByItem";
    public static final String FIND_BY_ITEM_LIKE = "Metric.findByItemLike";
    public static final String FIND_BY_ITEMS = "Metric.findByItems";
    public static final String FIND_IDS_BY_ITEM = "Metric.findIdsByItem";
    public static final String FIND_BY_VARIANT = "Metric.findByVariant";
    public static final String FIND_BY_VARIANTS = "Metric.findByVariants";
    public static final String FIND_BY_VARIANT_LIKE = "Metric.findByVariantLike";
    public static final String FIND_IDS_BY_VARIANT = "Metric.findIdsByVariant";
    public static final String FIND_BY_IDS = "Metric.findByIds";
    public static final String FIND_BY_COMPONENT = "Metric.findByComponent";
    public static final String FIND_NEWEST_BY_COMPONENT = "Metric.findNewestByComponent";
    public static final String FIND_BY_COMPONENT_AND_ITEM = "Metric.findByComponentAndItem";
    public static final String COUNT_BY_COMPONENT_AND_ITEM = "Metric.countByComponentAndItem";
    public static final String FIND_BY_COMPONENT_AND_VARIANT = "Metric.findByComponentAndVariant";
    public static final String COUNT_BY_COMPONENT_AND_VARIANT = "Metric.countByComponentAndVariant";
    public static final String FIND_BY_SCM_PREFIX = "Metric.findByScmPrefix";
    public static final String COUNT_BY_SCM_PREFIX = "Metric.countByScmPrefix";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "metric_seq")
    @SequenceGenerator(name = "metric_seq", sequenceName = "metric_seq", allocationSize = 100)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "session_h", nullable = false, updatable = false, length = FieldLimits.HASH)
    private String sessionHash;

    @Column(name = "context_h", nullable = false, updatable = false, length = FieldLimits.HASH)
    private String contextHash;

    @Column(name = "item_start_time", nullable = false)
    private LocalDateTime itemStartTime;

    @Embedded
    private TestItem item;

    @Embedded
    private ResourceUsage usage;

    protected Metric() {
    }

    /** @throws IllegalArgumentException or NullPointerException for a value the schema cannot hold */
    public Metric(long tenantId, String sessionHash, String contextHash, LocalDateTime itemStartTime, TestItem item,
            ResourceUsage usage) {
        this.tenantId = tenantId;
        this.sessionHash = FieldLimits.hash("session_h", sessionHash);
        this.contextHash = FieldLimits.hash("context_h", contextHash);
        this.itemStartTime = Objects.requireNonNull(itemStartTime, "item_start_time is required");
        this.item = Objects.requireNonNull(item, "item");
        this.usage = Objects.requireNonNull(usage, "usage");
    }

    public Long getId() {
        return id;
    }

    /**
     * Gives a new metric its id, for writers that insert it without the entity manager (by JDBC or COPY); the id
     * comes from {@code metric_seq}, as the entity's generator would take it.
     *
     * @throws IllegalStateException if it has one
     */
    public void assignId(long id) {
        if (this.id != null) {
            throw new IllegalStateException("metric " + this.id + " already has its id");
        }
        this.id = id;
    }

    public long getTenantId() {
        return tenantId;
    }

    public String getSessionHash() {
        return sessionHash;
    }

    public String getContextHash() {
        return contextHash;
    }

    public LocalDateTime getItemStartTime() {
        return itemStartTime;
    }

    public TestItem getItem() {
        return item;
    }

    public ResourceUsage getUsage() {
        return usage;
    }
}
