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
import jakarta.persistence.QueryHint;
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
@NamedQuery(name = Session.FIND_BY_HASH_PREFIX,
        query = "SELECT s FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE '\\' ORDER BY s.id",
        // Read-only: nothing to track at commit. Tags of a whole page in one extra query, not one per session.
        hints = {@QueryHint(name = "eclipselink.read-only", value = "true"),
                 @QueryHint(name = "eclipselink.batch", value = "s.tags"),
                 @QueryHint(name = "eclipselink.batch.type", value = "IN")})
@NamedQuery(name = Session.COUNT_BY_HASH_PREFIX,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant AND s.hash LIKE :prefix ESCAPE '\\'")
@NamedQuery(name = Session.COUNT_BY_TENANT,
        query = "SELECT COUNT(s) FROM Session s WHERE s.tenantId = :tenant")
public class Session implements HashIdentified<Session> {

    public static final String FIND_BY_HASH = "Session.findByHash";
    public static final String FIND_BY_HASH_PREFIX = "Session.findByHashPrefix";
    public static final String COUNT_BY_HASH_PREFIX = "Session.countByHashPrefix";
    public static final String COUNT_BY_TENANT = "Session.countByTenant";

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

    /** The tags in the order they were posted. */
    public List<Tag> getTags() {
        return List.copyOf(tags);
    }
}
