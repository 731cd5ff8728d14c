package org.monitorserver.client.remote;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.monitorserver.client.ProtocolException;

/**
 * The server's import jobs ({@code POST /imports} with a {@code .pymon} body, {@code GET /imports/<id>}), read as
 * JSON-P objects ({@code id}, {@code state}, {@code rows_read}, {@code rows_stored}, {@code rows_skipped},
 * {@code error}, ...) so that the client does not depend on the job's wire record.
 */
public final class ImportJobs {

    /** The media type of an uploaded pytest-monitor database. */
    public static final String SQLITE = "application/vnd.sqlite3";

    private final ServerConnection server;

    /** The import jobs of the server behind {@code server}. */
    public ImportJobs(ServerConnection server) {
        this.server = server;
    }

    /** A started job: its first state, and the URL to poll it at. */
    public record Started(JsonObject job, URI location) {
    }

    /**
     * Uploads {@code file} once (a POST is never retried) and answers the job the server queued.
     *
     * @throws org.monitorserver.client.ServerErrorException with status 413 when the file is over the limit
     */
    public Started upload(Path file) {
        if (!Files.isReadable(file)) {
            throw new UncheckedIOException(new IOException("cannot read " + file));
        }
        URI imports = server.endpoint("imports");
        return server.post(imports, Entity.entity(file.toFile(), SQLITE), response -> {
            JsonObject job = object(imports, response);
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            URI poll = location != null ? server.resolve(location)
                    : server.endpoint("imports", Long.toString(job.getJsonNumber("id").longValue()));
            return new Started(job, poll);
        });
    }

    /** The job at {@code location}, as it is now. */
    public JsonObject status(URI location) {
        return server.get(location, response -> object(location, response));
    }

    private static JsonObject object(URI uri, Response response) {
        String body = response.readEntity(String.class);
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            JsonObject job = reader.readObject();
            if (!job.containsKey("id") || !job.containsKey("state")) {
                throw new ProtocolException(uri + " answered a job without id or state: " + body, null);
            }
            return job;
        } catch (JsonException | ClassCastException e) {
            throw new ProtocolException(uri + " answered no JSON object: " + body, e);
        }
    }
}
