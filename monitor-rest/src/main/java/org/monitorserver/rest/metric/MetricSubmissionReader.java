package org.monitorserver.rest.metric;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.monitorserver.rest.JsonObjectReader;
import org.monitorserver.rest.MonitorSettings;

/**
 * Reads {@code POST /metrics/}'s body, the most frequent request, straight into a validated
 * {@link MetricSubmission}: the JSON-P streaming parser's events go into a map of members without building the
 * object model, and JSON-B is not involved. Limits and errors are those of every JSON body
 * ({@link JsonObjectReader}).
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class MetricSubmissionReader implements MessageBodyReader<MetricSubmission> {

    @Inject
    MonitorSettings settings;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MetricSubmission.class;
    }

    @Override
    public MetricSubmission readFrom(Class<MetricSubmission> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        return MetricSubmission.read(JsonObjectReader.members(JsonObjectReader.boundedText(headers, body,
                settings.maxBodyBytes())));
    }
}
