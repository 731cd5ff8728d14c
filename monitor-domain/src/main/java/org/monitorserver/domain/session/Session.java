package org.monitorserver.domain.session;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.monitorserver.domain.FieldLimits;
import org.monitorserver.domain.HashIdentified;

/**
 * One test run: its hash, start date, SCM reference and tags. Immutable once stored, like a context: the same
 * hash posted again with other content is a conflict.
 */
@Entity
@Table(name = "test_session")
@Cacheable(false)
@NamedQuery(name = Session.FIND_BY_HASH,
        query = "SELECT s FROM Session s WHERE s.tenantId = :tenant AND s.hash = :hash")
@NamedQuery(name = Session.FIND_BY_HASHES,
        query = "SELECT s FROM Session s WHERE s.tenantId = :tenant AND s.hash IN :hashes")
@NamedQuery(name = Session.FIND_BY_HASH_PREFIX,
        query = SessionRow.SELECT + " FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE '\\' ORDER BY s.id")
@NamedQuery(name = Session.FIND_TAGS_BY_SESSION_IDS,
        query = "SELECT NEW org.monitorserver.domain.session.SessionTagRow(s.id, t.key, t.value) FROM Session s"
                + " JOIN s.tags t WHERE s.id IN :ids ORDER BY s.id, INDEX(t)")
@NamedQuery(name = Session.COUNT_BY_HASH_PREFIX,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE '\\'")
@NamedQuery(name = Session.FIND_BY_TENANT,
        query = SessionRow.SELECT + " FROM Session s WHERE s.tenantId = :tenant ORDER BY s.id")
@NamedQuery(name = Session.FIND_BY_HASH_PREFIX_AND_ANY_FLAG,
        query = SessionRow.SELECT + " FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE '\\'"
                + " AND EXISTS (SELECT t.key FROM Session f JOIN f.tags t WHERE f.id = s.id AND (t.key IN"
                + " :present OR CONCAT(t.key, :separator, t.value) IN :pairs)) ORDER BY s.id")
@NamedQuery(name = Session.COUNT_BY_HASH_PREFIX_AND_ANY_FLAG,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE"
                + " '\\' AND EXISTS (SELECT t.key FROM Session f JOIN f.tags t WHERE f.id = s.id AND (t.key"
                + " IN :present OR CONCAT(t.key, :separator, t.value) IN :pairs))")
@NamedQuery(name = Session.FIND_BY_HASH_PREFIX_AND_ALL_FLAGS,
        query = SessionRow.SELECT + " FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE '\\'"
                + " AND (SELECT COUNT(t) FROM Session f JOIN f.tags t WHERE f.id = s.id AND (t.key IN"
                + " :present OR CONCAT(t.key, :separator, t.value) IN :pairs)) = :conditions ORDER BY s.id")
@NamedQuery(name = Session.COUNT_BY_HASH_PREFIX_AND_ALL_FLAGS,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE"
                + " '\\' AND (SELECT COUNT(t) FROM Session f JOIN f.tags t WHERE f.id = s.id AND (t.key IN"
                + " :present OR CONCAT(t.key, :separator, t.value) IN :pairs)) = :conditions")
@NamedQuery(name = Session.FIND_BY_SCM_PREFIX,
        query = SessionRow.SELECT + " FROM Session s WHERE s.tenantId = :tenant AND s.scmRef LIKE :prefix ESCAPE '\\'"
                + " ORDER BY s.id")
@NamedQuery(name = Session.COUNT_BY_SCM_PREFIX,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant AND s.scmRef LIKE :prefix"
                + " ESCAPE '\\'")
@NamedQuery(name = Session.FIND_HASHES_BY_SCM_PREFIX,
        query = "SELECT s.hash FROM Session s WHERE s.tenantId = :tenant AND s.scmRef LIKE :prefix ESCAPE '\\'"
                + " ORDER BY s.id")
@NamedQuery(name = Session.FIND_HASHES_BY_BUILD,
        query = "SELECT s.hash FROM Session s WHERE s.tenantId = :tenant AND s.pipeline = :pipeline AND"
                + " s.build = :build ORDER BY s.id")
@NamedQuery(name = Session.COUNT_BY_BUILD,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant AND s.pipeline = :pipeline AND"
                + " s.build = :build")
@NamedQuery(name = Session.FIND_HASHES_BY_COMPONENT_AND_BUILD,
        query = "SELECT s.hash FROM Session s WHERE s.tenantId = :tenant AND s.pipeline = :pipeline AND"
                + " s.build = :build AND EXISTS (SELECT m.id FROM Metric m WHERE m.tenantId = s.tenantId"
                + " AND m.sessionHash = s.hash AND m.item.component = :component) ORDER BY s.id")
@NamedQuery(name = Session.COUNT_BY_COMPONENT_AND_BUILD,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant AND s.pipeline = :pipeline AND"
                + " s.build = :build AND EXISTS (SELECT m.id FROM Metric m WHERE m.tenantId = s.tenantId"
                + " AND m.sessionHash = s.hash AND m.item.component = :component)")
@NamedQuery(name = Session.FIND_BY_BUILD,
        query = "SELECT s FROM Session s WHERE s.tenantId = :tenant AND s.pipeline = :pipeline AND s.build = :build"
                + " ORDER BY s.id")
@NamedQuery(name = Session.FIND_BY_SCM,
        query = "SELECT s FROM Session s WHERE s.tenantId = :tenant AND s.scmRef = :scm ORDER BY s.id")
public class Session implements HashIdentified<Session> {

    public static final String FIND_BY_HASH = "Session.findByHash";
    public static final String FIND_BY_HASHES = "Session.findByHashes";
    public static final String FIND_BY_HASH_PREFIX = "Session.findByHashPrefix";
    public static final String COUNT_BY_HASH_PREFIX = "Session.countByHashPrefix";
    public static final String FIND_TAGS_BY_SESSION_IDS = "Session.findTagsBySessionIds";
    public static final String FIND_BY_TENANT = "Session.findByTenant";
    public static final String FIND_BY_HASH_PREFIX_AND_ANY_FLAG = "Session.findByHashPrefixAndAnyFlag";
    public static final String COUNT_BY_HASH_PREFIX_AND_ANY_FLAG = "Session.countByHashPrefixAndAnyFlag";
    public static final String FIND_BY_HASH_PREFIX_AND_ALL_FLAGS = "Session.findByHashPrefixAndAllFlags";
    public static final String COUNT_BY_HASH_PREFIX_AND_ALL_FLAGS = "Session.countByHashPrefixAndAllFlags";
    public static final String FIND_BY_SCM_PREFIX = "Session.findByScmPrefix";
    public static final String COUNT_BY_SCM_PREFIX = "Session.countByScmPrefix";
    public static final String FIND_HASHES_BY_SCM_PREFIX = "Session.findHashesByScmPrefix";
    public static final String FIND_HASHES_BY_BUILD = "Session.findHashesByBuild";
    public static final String COUNT_BY_BUILD = "Session.countByBuild";
    public static final String FIND_HASHES_BY_COMPONENT_AND_BUILD = "Session.findHashesByComponentAndBuild";
    public static final String COUNT_BY_COMPONENT_AND_BUILD = "Session.countByComponentAndBuild";
    /** A build's sessions, for comparisons. */
    public static final String FIND_BY_BUILD = "Session.findByBuild";
    /** The sessions of one SCM reference, for comparisons. */
    public static final String FIND_BY_SCM = "Session.findByScm";

    /**
     * Joins a tag's key and value for the flag filters ({@code CONCAT(key, separator, value) IN :pairs}): a
     * control character that JSON clients do not put in tag names.
     */
    public static final String FLAG_SEPARATOR = "\u001f";

    /** The tag pytest-monitor fills with the CI pipeline (branch or job name). */
    public static final String PIPELINE_TAG = "pipeline_branch";
    /** The tag pytest-monitor fills with the CI build number. */
    public static final String BUILD_TAG = "pipeline_build_no";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "session_seq")
    @SequenceGenerator(name = "session_seq", sequenceName = "session_seq", allocationSize = 50)
    private Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;

    @Column(name = "session_h", nullable = false, updatable = false, length = FieldLimits.HASH)
    private String hash;

    @Column(name = "run_date", nullable = false)
    private LocalDateTime runDate;

    @Column(name = "scm_ref", length = FieldLimits.SCM_REF)
    private String scmRef;

    /** The {@code pipeline_branch} tag as text, null when absent or empty: kept as a column to be indexed. */
    @Column(name = "pipeline", length = FieldLimits.PIPELINE)
    private String pipeline;

    /** The {@code pipeline_build_no} tag as text, null when absent or empty. */
    @Column(name = "build", length = FieldLimits.PIPELINE)
    private String build;

    /** The user whose key sent the session; null with authentication off. Not part of the session's content. */
    @Column(name = "user_id", updatable = false)
    private Long userId;

    @ElementCollection
    @CollectionTable(name = "session_tag", joinColumns = @JoinColumn(name = "session_id"))
    @OrderColumn(name = "position")
    private List<Tag> tags = new ArrayList<>();

    protected Session() {
    }

    /**
     * A session as posted. {@code scmRef} is optional; tag keys must be distinct.
     *
     * @throws IllegalArgumentException or NullPointerException for a value the schema cannot hold
     */
    public Session(long tenantId, String hash, LocalDateTime runDate, String scmRef, List<Tag> tags) {
        this.tenantId = tenantId;
        this.hash = FieldLimits.hash("session_h", hash);
        this.runDate = Objects.requireNonNull(runDate, "run_date is required");
        this.scmRef = FieldLimits.boundedOrNull("scm_ref", scmRef, FieldLimits.SCM_REF);
        var keys = new HashSet<String>();
        for (Tag tag : tags) {
            if (!keys.add(tag.getKey())) {
                throw new IllegalArgumentException("tag " + tag.getKey() + " appears twice");
            }
        }
        this.tags = new ArrayList<>(tags);
        this.pipeline = ciValue(PIPELINE_TAG);
        this.build = ciValue(BUILD_TAG);
    }

    /** Records that user {@code userId} sent this session (before it is stored); null for nobody. */
    public Session sentBy(Long userId) {
        this.userId = userId;
        return this;
    }

    /** The user who sent the session, null when sent with authentication off. */
    public Long getUserId() {
        return userId;
    }

    /** Whether {@code key} is one of the CI tags that name a pipeline or a build (stored in indexed columns). */
    public static boolean isPipelineTag(String key) {
        return PIPELINE_TAG.equals(key) || BUILD_TAG.equals(key);
    }

    private String ciValue(String key) {
        for (Tag tag : tags) {
            if (tag.getKey().equals(key) && tag.getValue() != null && !tag.getValue().isEmpty()) {
                return FieldLimits.bounded(key, tag.getValue(), FieldLimits.PIPELINE);
            }
        }
        return null;
    }

    /** Whether {@code other} is the same run: same hash, date, SCM reference and tags (in any order). */
    @Override
    public boolean sameContentAs(Session other) {
        return tenantId == other.tenantId
                && hash.equals(other.hash)
                && runDate.equals(other.runDate)
                && Objects.equals(scmRef, other.scmRef)
                && new HashSet<>(tags).equals(new HashSet<>(other.tags));
    }

    public Long getId() {
        return id;
    }

    public long getTenantId() {
        return tenantId;
    }

    public String getHash() {
        return hash;
    }

    public LocalDateTime getRunDate() {
        return runDate;
    }

    public String getScmRef() {
        return scmRef;
    }

    /** The pipeline this session ran in (its {@code pipeline_branch} tag), or null. */
    public String getPipeline() {
        return pipeline;
    }

    /** The build this session belongs to (its {@code pipeline_build_no} tag), or null. */
    public String getBuild() {
        return build;
    }

    /** The tags in the order they were posted. */
    public List<Tag> getTags() {
        return List.copyOf(tags);
    }
}
