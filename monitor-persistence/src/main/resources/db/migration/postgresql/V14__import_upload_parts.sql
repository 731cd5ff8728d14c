-- Version 14: an upload is stored in parts of at most 1 MiB (import_upload_part), written and read one part at a
-- time, so that neither receiving a .pymon nor starting its job holds the whole file in the heap (a 256 MiB
-- upload had the server answer 500 "Java heap space" at -Xmx512m). Uploads of queued or running jobs move over
-- as one part each.
CREATE TABLE import_upload_part (
    job_id  BIGINT  NOT NULL,
    part    INTEGER NOT NULL,
    content BYTEA NOT NULL,
    CONSTRAINT import_upload_part_pk PRIMARY KEY (job_id, part),
    CONSTRAINT import_upload_part_job_fk FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE
);
INSERT INTO import_upload_part (job_id, part, content) SELECT job_id, 0, content FROM import_upload;
DROP TABLE import_upload;
