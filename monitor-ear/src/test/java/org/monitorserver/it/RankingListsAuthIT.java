package org.monitorserver.it;

import jakarta.ws.rs.client.Client;
import java.util.List;
import org.monitorserver.it.Keys.Credentials;
import org.monitorserver.it.Keys.TestTenant;

/**
 * {@link RankingListsIT} with authentication on, in two fresh tenants written at once: each tenant's rankings,
 * over all of its metrics too, hold its own metrics only, exactly.
 */
class RankingListsAuthIT extends RankingListsIT {

    @Override
    List<TenantData> tenants(Client client) {
        TestTenant a = Keys.tenant(client, root(), "rank-a");
        TestTenant b = Keys.tenant(client, root(), "rank-b");
        return List.of(tenant(Credentials.bearer(a.userKey()), true), tenant(Credentials.bearer(b.userKey()), true));
    }
}
