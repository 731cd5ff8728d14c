package org.monitorserver.domain.tenant;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * An API key of a user, stored as the SHA-256 of the key ({@link KeyHash}), never the key. A key works until it
 * is revoked (or rotated, which revokes it) or its user is disabled. {@code lastUsedAt} is written at most once a
 * minute per key, so that authenticated requests do not each write a row.
 */
@Entity
@Table(name = "api_key")
@Cacheable(false)
@NamedQuery(name = ApiKey.FIND_CREDENTIAL,
        query = "SELECT NEW org.monitorserver.domain.tenant.Credential(k.id, k.revokedAt, k.lastUsedAt, u.id, u.name,"
                + " u.role, u.disabled, t.id, t.name) FROM ApiKey k, User u, Tenant t"
                + " WHERE k.keyHash = :hash AND u.id = k.userId AND t.id = u.tenantId")
@NamedQuery(name = ApiKey.FIND_BY_USER, query = "SELECT k FROM ApiKey k WHERE k.userId = :user ORDER BY k.id")
@NamedQuery(name = ApiKey.COUNT_BY_USER, query = "SELECT COUNT(k) FROM ApiKey k WHERE k.userId = :user")
@NamedQuery(name = ApiKey.FIND_BY_ID_AND_USER,
        query = "SELECT k FROM ApiKey k WHERE k.id = :id AND k.userId = :user")
@NamedQuery(name = ApiKey.REVOKE,
        query = "UPDATE ApiKey k SET k.revokedAt = :now WHERE k.id = :id AND k.revokedAt IS NULL")
@NamedQuery(name = ApiKey.TOUCH,
        query = "UPDATE ApiKey k SET k.lastUsedAt = :now WHERE k.id = :id"
                + " AND (k.lastUsedAt IS NULL OR k.lastUsedAt < :before)")
public class ApiKey {

    public static final String FIND_CREDENTIAL = "ApiKey.findCredential";
    public static final String FIND_BY_USER = "ApiKey.findByUser";
    public static final String COUNT_BY_USER = "ApiKey.countByUser";
    public static final String FIND_BY_ID_AND_USER = "ApiKey.findByIdAndUser";
    public static final String REVOKE = "ApiKey.revoke";
    public static final String TOUCH = "ApiKey.touch";

    @Id
    @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "key_hash", nullable = false, updatable = false, unique = true, length = 64)
    private String keyHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private LocalDateTime createdAt;

    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    protected ApiKey() {
    }

    /** A new key of user {@code userId}, known by its hash. */
    public ApiKey(long userId, KeyHash hash, LocalDateTime createdAt) {
        this.userId = userId;
        this.keyHash = hash.hex();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public LocalDateTime getRevokedAt() {
        return revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
