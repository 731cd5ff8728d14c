package org.monitorserver.client.remote;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.monitorserver.api.ErrorBody;
import org.monitorserver.client.AccessDeniedException;
import org.monitorserver.client.BadRequestException;
import org.monitorserver.client.MonitorException;
import org.monitorserver.client.NotFoundException;
import org.monitorserver.client.ProtocolException;
import org.monitorserver.client.ServerErrorException;
import org.monitorserver.client.TimedOutException;
import org.monitorserver.client.UnavailableException;

/**
 * One server's API as the client calls it: the base URL ({@code .../api/v1}), the Jersey client with its
 * timeouts, GETs retried on connection failures and on 502, 503 and 504 with a bounded exponential backoff
 * (honouring {@code Retry-After} up to a cap), POSTs sent once, and every other answer turned into a typed
 * {@link MonitorException}. Safe for concurrent use, as the Jersey client is.
 */
public final class ServerConnection implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServerConnection.class.getName());
    private static final String API = "/api/v1";

    private final URI base;
    private final RemoteOptions options;
    private final Client client;

    /**
     * A connection to the server at {@code url}: its API base ({@code http://host:port/api/v1}) or its root, to
     * which {@code /api/v1} is added.
     */
    public ServerConnection(URI url, RemoteOptions options) {
        this.base = apiBase(Objects.requireNonNull(url, "url"));
        this.options = Objects.requireNonNull(options, "options");
        this.client = ClientBuilder.newBuilder()
                .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(JsonBindingFeature.class)
                .build();
    }

    /** The API base, without a trailing slash: {@code http://host:port/api/v1}. */
    public URI base() {
        return base;
    }

    /** The URL of {@code segments} under the API base, each one percent-encoded as a single path segment. */
    public URI endpoint(String... segments) {
        StringBuilder path = new StringBuilder(base.toString());
        for (String segment : segments) {
            path.append('/').append(encode(segment));
        }
        return URI.create(path.toString());
    }

    /** {@code uri} with {@code query} (already encoded, without {@code ?}) added. */
    public static URI withQuery(URI uri, String query) {
        return query == null || query.isEmpty() ? uri : URI.create(uri + "?" + query);
    }

    /**
     * A link of an answer ({@code next_url}, {@code Location}): a server-root path resolved against the base
     * URL's scheme, host and port (not appended to the base, as the reference client does), or a full URL.
     */
    public URI resolve(String link) {
        try {
            return base.resolve(new URI(link));
        } catch (URISyntaxException e) {
            throw new ProtocolException("the server sent a link that is no URL: " + link, e);
        }
    }

    /**
     * GETs {@code uri}, retrying as the options allow, and reads a 2xx answer with {@code reader}.
     *
     * @throws MonitorException for any other answer, a timeout, or a server still unreachable after the retries
     */
    public <T> T get(URI uri, Function<Response, T> reader) {
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt >= options.maxAttempts();
            try (Response response = request(uri).get()) {
                int status = response.getStatus();
                if (isRetryable(status) && !last) {
                    pause(uri, attempt, "HTTP " + status, retryAfter(response.getHeaderString(HttpHeaders.RETRY_AFTER)));
                    continue;
                }
                if (isRetryable(status)) {
                    throw new UnavailableException("GET " + uri + " answered " + status + " " + message(response)
                            + " after " + attempt + " attempts", null);
                }
                return read(uri, response, reader);
            } catch (ProcessingException e) {
                MonitorException failure = failure("GET", uri, e);
                if (!(failure instanceof UnavailableException) || last) {
                    throw failure;
                }
                pause(uri, attempt, rootCause(e).toString(), null);
            }
        }
    }

    /**
     * POSTs {@code entity} to {@code uri} once: never retried, as the server may have acted on it. The body is
     * streamed in chunks: that also keeps the JDK's connection from silently sending a failed POST again,
     * which it does for a buffered body.
     */
    public <T> T post(URI uri, Entity<?> entity, Function<Response, T> reader) {
        Invocation.Builder request = request(uri)
                .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED);
        try (Response response = request.post(entity)) {
            return read(uri, response, reader);
        } catch (ProcessingException e) {
            throw failure("POST", uri, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private Invocation.Builder request(URI uri) {
        Invocation.Builder request = client.target(uri).request("application/json");
        if (options.apiKey() != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + options.apiKey());
        }
        return request;
    }

    private static <T> T read(URI uri, Response response, Function<Response, T> reader) {
        int status = response.getStatus();
        if (status >= 200 && status < 300) {
            try {
                return reader.apply(response);
            } catch (ProcessingException e) {
                throw failure("reading", uri, e);
            }
        }
        ErrorBody body = errorBody(response);
        if (status == 404) {
            throw new NotFoundException(body.message());
        }
        if (status == 400) {
            throw new BadRequestException(body.message(), body.errors());
        }
        if (status == 401 || status == 403) {
            throw new AccessDeniedException(status, body.message());
        }
        throw new ServerErrorException(status, body.message());
    }

    private static MonitorException failure(String what, URI uri, ProcessingException e) {
        Throwable cause = rootCause(e);
        if (cause instanceof SocketTimeoutException) {
            return new TimedOutException(what + " " + uri + " timed out: " + cause.getMessage(), e);
        }
        if (cause instanceof JsonbException || hasCause(e, JsonbException.class)) {
            return new ProtocolException(what + " " + uri + ": the answer is not the expected JSON: "
                    + cause.getMessage(), e);
        }
        if (cause instanceof IOException) {
            return new UnavailableException(what + " " + uri + " failed: " + cause, e);
        }
        return new ProtocolException(what + " " + uri + " failed: " + cause, e);
    }

    private void pause(URI uri, int attempt, String reason, Duration retryAfter) {
        Duration backoff = options.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = retryAfter != null ? min(retryAfter, options.retryAfterCap()) : min(backoff,
                options.maxBackoff());
        LOG.log(Level.FINE, "GET {0} failed ({1}); attempt {2} of {3} in {4} ms",
                new Object[] {uri, reason, attempt + 1, options.maxAttempts(), wait.toMillis()});
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MonitorException("interrupted while waiting to retry GET " + uri, e);
        }
    }

    /** The wait a {@code Retry-After} header asks for (seconds or an HTTP date), or null without one. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static boolean isRetryable(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private static String message(Response response) {
        return errorBody(response).message();
    }

    /** The error body of a failed answer; the status's reason when the body is not one (Undertow's own 400s). */
    private static ErrorBody errorBody(Response response) {
        String reason = response.getStatusInfo().getReasonPhrase();
        try {
            if (response.hasEntity()) {
                ErrorBody body = response.readEntity(ErrorBody.class);
                if (body != null && body.message() != null) {
                    return body;
                }
            }
        } catch (ProcessingException | IllegalStateException notJson) {
            // An answer without a JSON body still fails with its status.
        }
        return new ErrorBody(reason == null ? "HTTP " + response.getStatus() : reason, null, null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static URI apiBase(URI url) {
        String text = url.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text.endsWith(API) ? text : text + API);
    }

    /** Percent-encodes every byte of {@code segment} but the unreserved characters of RFC 3986. */
    static String encode(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            // Dot segments would be removed from the path on the way, not sent as a name.
            return segment.replace(".", "%2E");
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
