package org.monitorserver.rest.admin;

import org.monitorserver.api.ApiKeyJson;
import org.monitorserver.api.NewApiKeyJson;
import org.monitorserver.api.TenantJson;
import org.monitorserver.api.UserJson;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.tenant.ApiKey;
import org.monitorserver.domain.tenant.Tenant;
import org.monitorserver.domain.tenant.User;
import org.monitorserver.persistence.tenant.ApiKeys.IssuedKey;

/** Turns tenants, users and keys into their wire records: roles by wire name, times in ISO 8601 UTC. */
final class AccountAssembler {

    private AccountAssembler() {
    }

    static TenantJson toJson(Tenant tenant) {
        return new TenantJson(tenant.getName(), IsoDateTime.formatUtc(tenant.getCreatedAt()));
    }

    static UserJson toJson(User user, String tenant) {
        return new UserJson(tenant, user.getName(), user.getRole().wireName(), user.isDisabled(),
                IsoDateTime.formatUtc(user.getCreatedAt()));
    }

    static ApiKeyJson toJson(ApiKey key, String user) {
        return new ApiKeyJson(key.getId(), user, IsoDateTime.formatUtc(key.getCreatedAt()),
                IsoDateTime.formatUtc(key.getLastUsedAt()), IsoDateTime.formatUtc(key.getRevokedAt()));
    }

    static NewApiKeyJson toJson(IssuedKey issued) {
        return new NewApiKeyJson(issued.record().getId(), issued.key());
    }
}
