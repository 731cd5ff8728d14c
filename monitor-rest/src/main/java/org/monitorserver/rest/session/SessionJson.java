package org.monitorserver.rest.session;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.monitorserver.domain.session.Session;
import org.monitorserver.domain.session.Tag;
import org.monitorserver.domain.IsoDateTime;

/**
 * A session as the API answers it. Tags are a list of {@code {"key", "name", "value"}}: {@code key} is the
 * API document's name, {@code name} what the reference query client reads.
 */
@JsonbPropertyOrder({"sessionH", "runDate", "scmRef", "tags"})
public record SessionJson(
        @JsonbProperty("session_h") String sessionH,
        @JsonbProperty("run_date") @Schema(description = "ISO 8601, naive") String runDate,
        @JsonbProperty("scm_ref") @JsonbNillable String scmRef,
        List<TagJson> tags) {

    public static SessionJson from(Session s) {
        return new SessionJson(s.getHash(), IsoDateTime.format(s.getRunDate()), s.getScmRef(),
                s.getTags().stream().map(TagJson::from).toList());
    }

    /** One tag; the value is text (numbers and booleans in their JSON spelling) or null. */
    @JsonbPropertyOrder({"key", "name", "value"})
    @Schema(name = "Tag")
    public record TagJson(String key, String name, String value) {

        static TagJson from(Tag tag) {
            return new TagJson(tag.getKey(), tag.getKey(), tag.getValue());
        }
    }

    /** The shape of a page of sessions, for the OpenAPI document ({@code Pages} renders it). */
    @Schema(name = "SessionPage")
    public record Page(
            List<SessionJson> sessions,
            @JsonbProperty("total_page") int totalPage,
            @JsonbProperty("prev_url") String prevUrl,
            @JsonbProperty("next_url") String nextUrl) {
    }
}
