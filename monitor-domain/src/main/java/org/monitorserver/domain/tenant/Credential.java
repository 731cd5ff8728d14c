package org.monitorserver.domain.tenant;

import java.time.LocalDateTime;

/**
 * What an API key stands for: the key, its user and the user's tenant, read in one query when a request presents
 * the key. It is good only while the key is not revoked and the user not disabled ({@link #isActive()}).
 */
public record Credential(long keyId, LocalDateTime revokedAt, LocalDateTime lastUsedAt, long userId, String userName,
        Role role, boolean userDisabled, long tenantId, String tenantName) {

    /** Whether the key lets its holder in. */
    public boolean isActive() {
        return revokedAt == null && !userDisabled;
    }
}
