package org.monitorserver.domain.imports;

import jakarta.persistence.Basic;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One part of the uploaded bytes of an {@link ImportJob}: an upload is stored as parts of at most
 * {@link #MAX_BYTES}, numbered from 0, so that receiving it and reading it back holds one part in the heap at a
 * time, never the whole file. In a table of their own so that reading or listing jobs never loads them (lazy basic
 * columns would need weaving, which is off). Deleted when the job ends.
 */
@Entity
@Table(name = "import_upload_part")
@IdClass(ImportUploadPart.Key.class)
@Cacheable(false)
@NamedQuery(name = ImportUploadPart.DELETE_BY_JOB, query = "DELETE FROM ImportUploadPart p WHERE p.jobId = :job")
public class ImportUploadPart {

    public static final String DELETE_BY_JOB = "ImportUploadPart.deleteByJob";

    /** The largest part: small enough to be cheap in the heap, large enough that a 1 GiB file is 1,024 rows. */
    public static final int MAX_BYTES = 1 << 20;

    @Id
    @Column(name = "job_id")
    private Long jobId;

    @Id
    @Column(name = "part")
    private Integer part;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "content", nullable = false)
    private byte[] content;

    /** The primary key: job and part number (a class with a no-argument constructor, as JPA wants). */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long jobId;
        private Integer part;

        public Key() {
        }

        public Key(long jobId, int part) {
            this.jobId = jobId;
            this.part = part;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(jobId, key.jobId) && Objects.equals(part, key.part);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, part);
        }
    }

    protected ImportUploadPart() {
    }

    /** Part {@code part} (from 0) of the bytes of job {@code jobId}, which must have its id already. */
    public ImportUploadPart(long jobId, int part, byte[] content) {
        if (part < 0) {
            throw new IllegalArgumentException("part numbers start at 0, not " + part);
        }
        if (Objects.requireNonNull(content, "content").length > MAX_BYTES) {
            throw new IllegalArgumentException("a part holds at most " + MAX_BYTES + " bytes, not " + content.length);
        }
        this.jobId = jobId;
        this.part = part;
        this.content = content;
    }

    public long getJobId() {
        return jobId;
    }

    public int getPart() {
        return part;
    }

    /** The bytes of this part (not copied: the caller must not change them). */
    public byte[] getContent() {
        return content;
    }
}
