package org.monitorserver.rest.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.monitorserver.rest.security.PresentedKey.MalformedCredentialsException;

class PresentedKeyTest {

    private static Optional<PresentedKey> from(Map<String, String> headers) {
        return PresentedKey.from(headers::get);
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryAcceptedForm() {
        assertEquals(new PresentedKey(null, null, "msk_k"), from(Map.of("Authorization", "Bearer msk_k")).get());
        assertEquals(new PresentedKey(null, null, "msk_k"), from(Map.of("Authorization", "bearer  msk_k ")).get());
        assertEquals(new PresentedKey("ci", null, "msk_k"), from(Map.of("Authorization", basic("ci:msk_k"))).get());
        assertEquals(new PresentedKey(null, null, "msk_k:with:colons"),
                from(Map.of("Authorization", basic(":msk_k:with:colons"))).get());
        assertEquals(new PresentedKey("ci", "team-a", "msk_k"), from(Map.of("Monitor-UserID", "ci",
                "Monitor-TenantID", "team-a", "Monitor-ApiKey", "msk_k")).get());
        assertEquals(new PresentedKey(null, null, "msk_k"), from(Map.of("Monitor-ApiKey", "msk_k")).get());
    }

    @Test
    void noCredentialsIsEmpty() {
        assertTrue(from(Map.of()).isEmpty());
        assertTrue(from(Map.of("Authorization", "  ")).isEmpty());
    }

    @Test
    void unreadableCredentialsAreRefused() {
        for (Map<String, String> headers : java.util.List.of(Map.of("Authorization", "Digest x"),
                Map.of("Authorization", "Bearer"), Map.of("Authorization", "Basic %%%"),
                Map.of("Authorization", basic("no-colon")), Map.of("Authorization", basic("ci:")),
                Map.of("Monitor-UserID", "ci"), Map.of("Authorization", "Bearer " + "k".repeat(513)))) {
            assertThrows(MalformedCredentialsException.class, () -> from(headers), headers::toString);
        }
    }

    @Test
    void neverShowsTheKey() {
        assertFalse(new PresentedKey("ci", "t", "msk_secret").toString().contains("msk_secret"));
    }

    @Test
    void publicRoutesAreReadsOfHealthOpenapiAndTheRoot() {
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/api/v1/health"));
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("HEAD", "/"));
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/openapi"));
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/docs/api.md"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("POST", "/docs/api.md"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("POST", "/api/v1/health"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/api/v1/metrics/"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/api/v1/healthz"));
    }

    @Test
    void thePagesAndTheirScriptsArePublicButNoPathThatDotsOutOfThem() {
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/ui"));
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/ui/"));
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/ui/items/test_login"));
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/ui/assets/app.js"));
        assertTrue(ApiKeyAuthenticationMechanism.isPublic("GET", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("POST", "/ui/"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/uix"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/ui/../api/v1/sessions"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/ui/%2e%2e/api/v1/sessions"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/ui/%2E%2E%2Fapi/v1/sessions"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/docs/..;/api/v1/metrics"));
        assertFalse(ApiKeyAuthenticationMechanism.isPublic("GET", "/webjars/../api/v1/metrics"));
    }
}
