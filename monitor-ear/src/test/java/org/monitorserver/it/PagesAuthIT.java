package org.monitorserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monitorserver.it.Keys.Credentials;
import org.monitorserver.it.Keys.TestTenant;
import org.openqa.selenium.By;

/**
 * The pages with authentication on (the failsafe execution {@code postgresql-auth}): their files are public, the
 * data is not. A page that gets 401 asks for a key; the key given is sent as a bearer token, kept in the tab's
 * session storage (so a reload keeps it), shows the key's tenant only, and is gone once forgotten; a key the server
 * refuses brings the prompt back with a note. Skipped when Chromium or ChromeDriver is not installed.
 */
class PagesAuthIT extends ApiTestSupport {

    private static final String STORAGE = "return sessionStorage.getItem('monitor-server.api-key')";

    private final Client client = ClientBuilder.newClient();
    private TestTenant tenant;
    private Chromium browser;

    @BeforeEach
    void tenantAndBrowser() {
        Chromium.assumeInstalled();
        tenant = Keys.tenant(client, root(), "pages");
        String sessionH = Body.hash();
        String contextH = Body.hash();
        json(Keys.send(client, root(), "POST", "/api/v1/contexts/", Body.context(contextH).json(), tenant.user()), 201);
        json(Keys.send(client, root(), "POST", "/api/v1/sessions/", Body.session(sessionH).json(), tenant.user()), 201);
        json(Keys.send(client, root(), "POST", "/api/v1/metrics/", Body.metric(sessionH, contextH).json(),
                tenant.user()), 201);
        browser = new Chromium();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        client.close();
    }

    @Test
    void aPageAsksForAKeyUsesItForThisTabOnlyAndForgetsIt() {
        assertEquals(200, Keys.get(client, root(), "/ui/", Credentials.NONE).getStatus(), "the page files are public");
        assertEquals(401, Keys.get(client, root(), "/api/v1/sessions/count", Credentials.NONE).getStatus());

        browser.open(root() + "/ui/");
        assertTrue(browser.one("#main h1").getText().contains("API key needed"), browser.one("#main").getText());
        browser.screenshot("key");

        browser.one("#api-key").sendKeys("msk_not-a-key-of-this-server-at-all");
        browser.one("form.key-form button[type=submit]").click();
        browser.until(d -> d.findElement(By.cssSelector("#main")).getText().contains("refused"));

        browser.one("#api-key").sendKeys(tenant.userKey());
        browser.one("form.key-form button[type=submit]").click();
        browser.until(d -> !d.findElements(By.cssSelector("[data-count=metrics] .stat-n")).isEmpty());
        browser.waitUntilDrawn();
        assertEquals("1", browser.one("[data-count=metrics] .stat-n").getText(), "the key's tenant's one metric");
        assertEquals("1", browser.one("[data-count=sessions] .stat-n").getText());
        assertEquals(tenant.userKey(), browser.script(STORAGE));

        browser.open(root() + "/ui/");
        assertEquals("1", browser.one("[data-count=metrics] .stat-n").getText(), "a reload keeps the key");

        browser.one("#key-status button").click();
        browser.until(d -> d.findElement(By.cssSelector("#main")).getText().contains("API key needed"));
        assertNull(browser.script(STORAGE), "forgotten");
        assertTrue(browser.consoleErrors().stream().allMatch(error -> error.contains("401")),
                () -> "only the refused requests: " + browser.consoleErrors());
    }
}
