package org.monitorserver.rest.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.monitorserver.rest.ErrorMapper;

/**
 * The body of the answers that {@link ApiKeyAuthenticationMechanism} leaves to the container: 401 for missing or
 * wrong credentials, 503 when they cannot be checked. The mechanism sets the status and headers
 * ({@code WWW-Authenticate}, {@code Retry-After}) and fails the authentication; the container then ends the request
 * with {@code sendError}, which {@code WEB-INF/web.xml} routes here. Writing the body in the mechanism instead
 * commits the response before the container's {@code sendError}, which then logs an error with a stack trace for
 * every refused request. Requested directly, this path is unknown (404).
 */
@WebServlet(AuthenticationFailureServlet.PATH)
public class AuthenticationFailureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/authentication-failure";

    /** The 401 body, as the error mapper writes it: {@code {"message": ...}}. */
    static final String REFUSAL = ErrorMapper.body(NotAuthenticatedException.MESSAGE);

    /** The 503 body when the keys cannot be checked (the database is down). */
    static final String UNAVAILABLE = ErrorMapper.body("credentials cannot be checked now (the database is "
            + "unavailable); retry later");

    private static final String NOT_FOUND = ErrorMapper.body("not found");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body;
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            body = NOT_FOUND;
        } else if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status
                && status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            body = UNAVAILABLE;
        } else {
            body = REFUSAL;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }
}
