package org.monitorserver.rest.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.rest.MonitorSettings;
import org.monitorserver.rest.security.PresentedKey.MalformedCredentialsException;

/**
 * Authentication, in one place, for every request to the application: reads the presented key
 * ({@link PresentedKey}), has the identity store check it, and tells the container who the caller is, so that
 * {@link Caller}, {@code SecurityContext} and role checks see them.
 * <ul>
 * <li>With {@code MONITOR_SERVER_AUTH=on}, a request without valid credentials gets 401 with a JSON body and
 * {@code WWW-Authenticate}, except on the public routes ({@link #isPublic}).</li>
 * <li>With authentication off, a request without credentials, or with credentials that are not valid, goes on
 * anonymously for tenant {@code default}, as before tenants existed; a valid key still identifies its caller,
 * which is what the admin routes need.</li>
 * </ul>
 * The answer never says whether a user, tenant or key exists.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(ApiKeyAuthenticationMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    MonitorSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (isPublic(request.getMethod(), path)) {
            return context.doNothing();
        }
        boolean required = settings.authenticationOn();
        Optional<PresentedKey> presented;
        try {
            presented = PresentedKey.from(request::getHeader);
        } catch (MalformedCredentialsException e) {
            return required ? refuse(response) : context.doNothing();
        }
        if (presented.isEmpty()) {
            return required ? refuse(response) : context.doNothing();
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(new ApiKeyCredential(presented.get()));
        } catch (RuntimeException e) {
            // Thrown out of here, it would become the container's HTML error page.
            LOG.log(Level.WARNING, "Could not check credentials on " + request.getMethod() + " " + path, e);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            LOG.fine(() -> "Refused credentials on " + request.getMethod() + " " + path);
            return required ? refuse(response) : context.doNothing();
        }
        // The container gets a plain caller name: Elytron's identities take the caller's name and groups, and
        // with a principal of our own the services' role checks fail. The credential travels with the request.
        var caller = (MonitorPrincipal) result.getCallerPrincipal();
        request.setAttribute(Caller.CREDENTIAL_ATTRIBUTE, caller.credential());
        return context.notifyContainerAboutLogin(caller.getName(), result.getCallerGroups());
    }

    /**
     * Routes that answer without credentials: the health check (load balancers and probes have no key), the API
     * description, the landing page at the root, the documentation under {@code /docs/}, and the web pages under
     * {@code /ui/} with their scripts (uPlot under {@code /webjars/}): the pages hold no data, they read it from the
     * API with the user's key. A path with a dot segment ({@code /ui/../api/v1/...}, also percent-encoded) is never
     * public: the container would route it outside the public prefix it starts with.
     */
    static boolean isPublic(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        return read && (path.equals("/api/v1/health") || path.equals("/api/v1/health/") || path.equals("/")
                || path.isEmpty() || path.equals("/openapi")
                || (!hasDotSegment(path) && (path.startsWith("/openapi/") || path.startsWith("/docs/")
                        || path.equals("/ui") || path.startsWith("/ui/") || path.startsWith("/webjars/"))));
    }

    /** Whether a raw request path has a {@code .} or {@code ..} segment, also spelled {@code %2e}. */
    private static boolean hasDotSegment(String path) {
        String decoded = path.toLowerCase(Locale.ROOT).replace("%2e", ".").replace("%2f", "/")
                .replace("%5c", "/").replace('\\', '/');
        for (String segment : decoded.split("[/;]", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fails the request with 401 and its challenges; the container ends it, and {@link AuthenticationFailureServlet}
     * writes the JSON body (the container's own {@code responseUnauthorized()} would send an HTML page).
     */
    private static AuthenticationStatus refuse(HttpServletResponse response) {
        NotAuthenticatedException.CHALLENGES.forEach(c -> response.addHeader("WWW-Authenticate", c));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return AuthenticationStatus.SEND_FAILURE;
    }
}
