package org.monitorserver.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The REST API v1, at {@code /api/v1} under the root context like the reference server. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "Monitor Server API",
        version = "1",
        description = "Collects and serves the resource use of test suites: the REST API v1 of pytest-monitor's "
                + "monitor-server. Every route also answers with a trailing slash.",
        license = @License(name = "See the project README")))
public class MonitorApplication extends Application {
}
