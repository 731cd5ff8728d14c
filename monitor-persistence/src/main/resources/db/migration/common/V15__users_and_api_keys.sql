-- Version 15: tenants, users and API keys (docs/security.md). Tenant 1 'default' owns what is written with
-- authentication off; tenant 2 'superadmin' holds the superadmin, user 'admin' (id 1), whose first key the server
-- creates at its first start. New tenants and users take ids from sequences, one at a time: they are rare.
-- Keys are stored as the hex SHA-256 of the key, never the key. Each session records the user whose key sent it
-- (NULL with authentication off), and so does each import job, for the sessions it stores.
ALTER TABLE tenant ADD COLUMN created_at TIMESTAMP;
UPDATE tenant SET created_at = CURRENT_TIMESTAMP;
INSERT INTO tenant (id, name, created_at) VALUES (2, 'superadmin', CURRENT_TIMESTAMP);
-- Its count shards (RowCount.SHARDS per family), as every tenant has: the admin route creates them for new ones.
INSERT INTO tenant_row_count (tenant_id, family, shard, row_total)
    SELECT 2, f.family, s.shard, 0
    FROM (SELECT 'METRIC' AS family UNION ALL SELECT 'SESSION' UNION ALL SELECT 'CONTEXT') f,
         (SELECT 0 AS shard UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
          UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9
          UNION ALL SELECT 10 UNION ALL SELECT 11 UNION ALL SELECT 12 UNION ALL SELECT 13 UNION ALL SELECT 14
          UNION ALL SELECT 15) s;
CREATE SEQUENCE tenant_seq START WITH 3 INCREMENT BY 1;

CREATE SEQUENCE app_user_seq START WITH 2 INCREMENT BY 1;
CREATE TABLE app_user (
    id         BIGINT      NOT NULL,
    tenant_id  BIGINT      NOT NULL,
    name       VARCHAR(64) NOT NULL,
    role       VARCHAR(16) NOT NULL,
    disabled   BOOLEAN     NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    CONSTRAINT app_user_pk PRIMARY KEY (id),
    CONSTRAINT app_user_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    -- Also serves the listing of a tenant's users by name.
    CONSTRAINT app_user_name_uk UNIQUE (tenant_id, name),
    CONSTRAINT app_user_role_ck CHECK (role IN ('USER', 'TENANT_ADMIN', 'SUPERADMIN'))
);
-- Node usage by user name across tenants (the superadmin's user=).
CREATE INDEX app_user_name_idx ON app_user (name);
INSERT INTO app_user (id, tenant_id, name, role, disabled, created_at)
    VALUES (1, 2, 'admin', 'SUPERADMIN', FALSE, CURRENT_TIMESTAMP);

CREATE SEQUENCE api_key_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE api_key (
    id           BIGINT      NOT NULL,
    user_id      BIGINT      NOT NULL,
    key_hash     VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP   NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP,
    CONSTRAINT api_key_pk PRIMARY KEY (id),
    CONSTRAINT api_key_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id),
    -- Every authenticated request looks its key up by hash.
    CONSTRAINT api_key_hash_uk UNIQUE (key_hash)
);
-- The listing of a user's keys.
CREATE INDEX api_key_user_idx ON api_key (user_id, id);

ALTER TABLE test_session ADD COLUMN user_id BIGINT;
ALTER TABLE test_session ADD CONSTRAINT test_session_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id);
-- Node usage by user: a user's sessions.
CREATE INDEX test_session_user_idx ON test_session (user_id);
ALTER TABLE import_job ADD COLUMN user_id BIGINT;
ALTER TABLE import_job ADD CONSTRAINT import_job_user_fk FOREIGN KEY (user_id) REFERENCES app_user (id);
