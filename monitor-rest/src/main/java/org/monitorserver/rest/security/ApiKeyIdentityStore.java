package org.monitorserver.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The identity store over the database: a presented key is valid when it is known, not revoked, its user not
 * disabled, and the user and tenant sent beside it (if any) are the key's. The caller's group is their role's
 * wire name ({@code user}, {@code tenant_admin}, {@code superadmin}).
 */
@ApplicationScoped
public class ApiKeyIdentityStore implements IdentityStore {

    @Inject
    VerifiedKeys keys;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof ApiKeyCredential apiKey)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        PresentedKey presented = apiKey.presented();
        return keys.lookUp(presented.key())
                .filter(org.monitorserver.domain.tenant.Credential::isActive)
                .filter(c -> presented.user() == null || presented.user().equals(c.userName()))
                .filter(c -> presented.tenant() == null || presented.tenant().equals(c.tenantName()))
                .map(c -> new CredentialValidationResult(new MonitorPrincipal(c), Set.of(c.role().wireName())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
