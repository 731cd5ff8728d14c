package org.monitorserver.domain.imports;

import jakarta.persistence.Basic;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * The uploaded bytes of an {@link ImportJob}, in a table of their own so that reading or listing jobs never loads
 * them (lazy basic columns would need weaving, which is off). Deleted when the job ends.
 */
@Entity
@Table(name = "import_upload")
@Cacheable(false)
@NamedQuery(name = ImportUpload.DELETE_BY_JOB, query = "DELETE FROM ImportUpload u WHERE u.jobId = :job")
public class ImportUpload {

    public static final String DELETE_BY_JOB = "ImportUpload.deleteByJob";

    @Id
    @Column(name = "job_id")
    private Long jobId;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "content", nullable = false)
    private byte[] content;

    protected ImportUpload() {
    }

    /** The bytes of job {@code jobId}, which must have its id already. */
    public ImportUpload(long jobId, byte[] content) {
        this.jobId = jobId;
        this.content = Objects.requireNonNull(content, "content");
    }

    public long getJobId() {
        return jobId;
    }

    /** The file as uploaded (not copied: the caller must not change it). */
    public byte[] getContent() {
        return content;
    }
}
