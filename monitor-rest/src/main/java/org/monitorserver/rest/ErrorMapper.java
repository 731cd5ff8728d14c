package org.monitorserver.rest;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.persistence.ConflictException;
import org.monitorserver.persistence.DatabaseOutage;
import org.monitorserver.persistence.PageNotFoundException;
import org.monitorserver.persistence.StorageUnavailableException;
import org.monitorserver.persistence.run.RefusedRunDataException;
import org.monitorserver.persistence.usage.TooManyBucketsException;
import org.monitorserver.rest.security.NotAuthenticatedException;

/**
 * Every error answer of the API, in one place: a JSON {@link ErrorBody} with a {@code message} and, for
 * validation, {@code errors} by field. Only expected failures are mapped; anything else stays a loud 500 that
 * the server logs, and is a bug.
 */
public final class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    private ErrorMapper() {
    }

    static Response answer(Response.Status status, String message, Map<String, String> errors) {
        LOG.fine(() -> "Rejected with " + status.getStatusCode() + ": " + message + " " + errors);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(message, errors == null || errors.isEmpty() ? null : errors, null)).build();
    }

    /**
     * The 500 of a failure nobody expected (a bug): {@code internal server error}, and in development
     * ({@code MONITOR_SERVER_ENV=dev}) the stack trace under {@code trace}. Production never shows one.
     */
    static Response unexpected(Throwable failure, boolean development) {
        return Response.status(Response.Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(unexpectedBody(failure, development)).build();
    }

    static ErrorBody unexpectedBody(Throwable failure, boolean development) {
        String trace = null;
        if (development) {
            var text = new StringWriter();
            failure.printStackTrace(new PrintWriter(text));
            trace = text.toString();
        }
        return new ErrorBody("internal server error", null, trace);
    }

    /**
     * The JSON of an {@link ErrorBody} with {@code message} only, for the answers the container ends itself
     * (a failed authentication's error page), where no JAX-RS {@code Response} is written.
     */
    public static String body(String message) {
        return JsonbResolver.JSONB.toJson(new ErrorBody(message, null, null));
    }

    /** Bad fields in a posted body: 400 with the reason per field. */
    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return answer(Response.Status.BAD_REQUEST, e.getMessage(), e.errors());
        }
    }

    /** Bean Validation of parameters: 400, the field named as the client sent it ({@code page}, not {@code arg0}). */
    @Provider
    public static class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            var errors = new TreeMap<String, String>();
            for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
                errors.merge(fieldName(violation.getPropertyPath()), violation.getMessage(), (a, b) -> a + "; " + b);
            }
            return answer(Response.Status.BAD_REQUEST, "invalid request parameters", errors);
        }

        private static String fieldName(Path path) {
            String name = "request";
            for (Path.Node node : path) {
                name = node.getName();
            }
            return name;
        }
    }

    /** An admin route without credentials: 401 with the challenges, as the authentication mechanism answers. */
    @Provider
    public static class NotAuthenticated implements ExceptionMapper<NotAuthenticatedException> {
        @Override
        public Response toResponse(NotAuthenticatedException e) {
            Response.ResponseBuilder answer = Response.fromResponse(answer(Response.Status.UNAUTHORIZED,
                    e.getMessage(), null));
            NotAuthenticatedException.CHALLENGES.forEach(c -> answer.header(HttpHeaders.WWW_AUTHENTICATE, c));
            return answer.build();
        }
    }

    /** Node usage split into more buckets than one answer holds: 400, naming {@code groupby}. */
    @Provider
    public static class TooManyBuckets implements ExceptionMapper<TooManyBucketsException> {
        @Override
        public Response toResponse(TooManyBucketsException e) {
            return answer(Response.Status.BAD_REQUEST, "invalid request parameters", Map.of("groupby", e.getMessage()));
        }
    }

    /** A body over the limit: 413. */
    @Provider
    public static class BodyTooLarge implements ExceptionMapper<BodyTooLargeException> {
        @Override
        public Response toResponse(BodyTooLargeException e) {
            return answer(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), null);
        }
    }

    /** Run data that cannot be stored as sent: the message names the line and column. */
    @Provider
    public static class RefusedRunData implements ExceptionMapper<RefusedRunDataException> {
        @Override
        public Response toResponse(RefusedRunDataException e) {
            return answer(Response.Status.BAD_REQUEST, e.getMessage(), null);
        }
    }

    /** A write that contradicts stored data: 409. */
    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return answer(Response.Status.CONFLICT, e.getMessage(), null);
        }
    }

    /** A valid write that was not stored (database refused or unreachable, server stopping): 503, retry later. */
    @Provider
    public static class StorageUnavailable implements ExceptionMapper<StorageUnavailableException> {

        /** Seconds a client should wait before sending the write again. */
        static final int RETRY_AFTER_SECONDS = 1;

        @Override
        public Response toResponse(StorageUnavailableException e) {
            return Response.fromResponse(answer(Response.Status.SERVICE_UNAVAILABLE, e.getMessage(), null))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
    }

    /**
     * A failure out of the EJB services (the container wraps what they throw) or out of JPA. When the database is
     * down or restarting ({@link DatabaseOutage}): 503 with {@code Retry-After}, as for a write that was not stored.
     * Anything else is a bug: logged with its stack trace, answered 500 with a JSON body.
     */
    public abstract static class ServiceFailure<E extends RuntimeException> implements ExceptionMapper<E> {

        private static final Logger LOG = Logger.getLogger(ServiceFailure.class.getName());

        @Inject
        MonitorSettings settings;

        @Override
        public Response toResponse(E e) {
            if (DatabaseOutage.isCause(e)) {
                LOG.fine(() -> "Database unavailable: " + e);
                return Response.fromResponse(answer(Response.Status.SERVICE_UNAVAILABLE,
                        "the database is unavailable; retry later", null))
                        .header(HttpHeaders.RETRY_AFTER, StorageUnavailable.RETRY_AFTER_SECONDS).build();
            }
            LOG.log(Level.SEVERE, "Request failed", e);
            return unexpected(e, settings.development());
        }
    }

    @Provider
    public static class EjbFailure extends ServiceFailure<EJBException> {
    }

    @Provider
    public static class PersistenceFailure extends ServiceFailure<PersistenceException> {
    }

    /** A page outside the listing: 404. */
    @Provider
    public static class PageNotFound implements ExceptionMapper<PageNotFoundException> {
        @Override
        public Response toResponse(PageNotFoundException e) {
            return answer(Response.Status.NOT_FOUND, e.getMessage(), null);
        }
    }

    /**
     * Statuses raised by JAX-RS itself (404 no route, 405, 406, 415): the same status with a JSON
     * body, instead of the server's HTML or empty answer.
     */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {

        @Context
        UriInfo uri;

        @Context
        Request request;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            if (status == null) {
                return e.getResponse();
            }
            String message;
            if (e instanceof NotFoundException && !e.getMessage().startsWith("HTTP 404")) {
                // A resource's own 404, such as "no tenant x": its message says more than the path.
                message = e.getMessage();
            } else if (e instanceof NotFoundException) {
                message = "no such resource: " + request.getMethod() + " " + uri.getRequestUri().getRawPath();
            } else if (e instanceof NotAllowedException) {
                message = request.getMethod() + " is not allowed on " + uri.getRequestUri().getRawPath()
                        + "; allowed: " + String.join(", ", e.getResponse().getAllowedMethods());
            } else if (e instanceof NotSupportedException) {
                message = "the request body's Content-Type is not accepted here: JSON routes take application/json,"
                        + " POST /api/v1/imports takes application/octet-stream or application/vnd.sqlite3";
            } else {
                message = e.getMessage() != null ? e.getMessage() : status.getReasonPhrase();
            }
            Response.ResponseBuilder answer = Response.fromResponse(answer(status, message, null));
            if (!e.getResponse().getAllowedMethods().isEmpty()) {
                answer.allow(e.getResponse().getAllowedMethods());
            }
            return answer.build();
        }
    }
}
