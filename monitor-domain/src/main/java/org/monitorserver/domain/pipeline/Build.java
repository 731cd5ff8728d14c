package org.monitorserver.domain.pipeline;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;

/**
 * A build of a pipeline that some session belongs to. Added with the first such session, never removed. Its
 * {@code firstRunDate}, the earliest run date of its sessions, orders a pipeline's builds for comparisons and
 * histories; session ingestion lowers it when an earlier session arrives.
 */
@Entity
@Table(name = "pipeline_build")
@IdClass(Build.Key.class)
@Cacheable(false)
@NamedQuery(name = Build.FIND_BY_PIPELINE,
        query = "SELECT b.build FROM Build b WHERE b.tenantId = :tenant AND b.pipeline = :pipeline ORDER BY b.build",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = Build.COUNT_BY_PIPELINE,
        query = "SELECT COUNT(b) FROM Build b WHERE b.tenantId = :tenant AND b.pipeline = :pipeline")
@NamedQuery(name = Build.FIND_BY_COMPONENT_AND_PIPELINE,
        query = "SELECT b.build FROM Build b WHERE b.tenantId = :tenant AND b.pipeline = :pipeline AND EXISTS ("
                + Build.HAS_COMPONENT + ") ORDER BY b.build",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = Build.COUNT_BY_COMPONENT_AND_PIPELINE,
        query = "SELECT COUNT(b) FROM Build b WHERE b.tenantId = :tenant AND b.pipeline = :pipeline AND EXISTS ("
                + Build.HAS_COMPONENT + ")")
@NamedQuery(name = Build.FIND_BY_PIPELINE_NEWEST_FIRST,
        query = "SELECT b.build FROM Build b WHERE b.tenantId = :tenant AND b.pipeline = :pipeline"
                + " ORDER BY b.firstRunDate DESC, b.build DESC",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = Build.FIND_BEFORE,
        query = "SELECT b FROM Build b WHERE b.tenantId = :tenant AND b.pipeline = :pipeline AND (b.firstRunDate < :date"
                + " OR (b.firstRunDate = :date AND b.build < :build)) ORDER BY b.firstRunDate DESC, b.build DESC",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
@NamedQuery(name = Build.FIND_BY_BUILDS,
        query = "SELECT b FROM Build b WHERE b.tenantId = :tenant AND b.pipeline = :pipeline AND b.build IN :builds",
        hints = @QueryHint(name = "eclipselink.read-only", value = "true"))
public class Build {

    public static final String FIND_BY_PIPELINE = "Build.findByPipeline";
    public static final String COUNT_BY_PIPELINE = "Build.countByPipeline";
    public static final String FIND_BY_COMPONENT_AND_PIPELINE = "Build.findByComponentAndPipeline";
    public static final String COUNT_BY_COMPONENT_AND_PIPELINE = "Build.countByComponentAndPipeline";
    /** A pipeline's build names, newest first by first run date (then name); counted by COUNT_BY_PIPELINE. */
    public static final String FIND_BY_PIPELINE_NEWEST_FIRST = "Build.findByPipelineNewestFirst";
    /** The builds of a pipeline before a build (by first run date, then name), newest first. */
    public static final String FIND_BEFORE = "Build.findBefore";
    /** The named builds of a pipeline. */
    public static final String FIND_BY_BUILDS = "Build.findByBuilds";

    /** Whether build {@code b} has a session with metrics of {@code :component}: probed per build of the pipeline. */
    static final String HAS_COMPONENT = "SELECT s.id FROM Session s, Metric m WHERE s.tenantId = b.tenantId"
            + " AND s.pipeline = b.pipeline AND s.build = b.build AND m.tenantId = s.tenantId"
            + " AND m.sessionHash = s.hash AND m.item.component = :component";

    @Id
    @Column(name = "tenant_id")
    private long tenantId;

    @Id
    @Column(name = "pipeline", length = FieldLimits.PIPELINE)
    private String pipeline;

    @Id
    @Column(name = "build", length = FieldLimits.PIPELINE)
    private String build;

    @Column(name = "first_run_date", nullable = false)
    private LocalDateTime firstRunDate;

    protected Build() {
    }

    public String getPipeline() {
        return pipeline;
    }

    public String getBuild() {
        return build;
    }

    /** The earliest run date of the build's sessions. */
    public LocalDateTime getFirstRunDate() {
        return firstRunDate;
    }

    /** The primary key: tenant, pipeline and build. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long tenantId;
        private String pipeline;
        private String build;

        public Key() {
        }

        public Key(long tenantId, String pipeline, String build) {
            this.tenantId = tenantId;
            this.pipeline = pipeline;
            this.build = build;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && tenantId == other.tenantId && Objects.equals(pipeline, other.pipeline)
                    && Objects.equals(build, other.build);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, pipeline, build);
        }
    }
}
