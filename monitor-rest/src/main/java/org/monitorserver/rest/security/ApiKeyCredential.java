package org.monitorserver.rest.security;

import jakarta.security.enterprise.credential.Credential;

/** A presented API key, as a credential for the identity store. */
public record ApiKeyCredential(PresentedKey presented) implements Credential {
}
