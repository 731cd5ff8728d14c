package org.monitorserver.client.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.monitorserver.api.SessionJson;
import org.monitorserver.api.TagJson;

/**
 * One test session (a pytest run): its hash, start date, source code reference and tags.
 *
 * @param h the session hash
 * @param runDate when the session started (naive, as pytest-monitor writes it)
 * @param scm the source code reference; null when none was recorded
 * @param tags the tags in recorded order; values are text (numbers in their JSON spelling) or null
 */
public record Session(String h, LocalDateTime runDate, String scm, Map<String, String> tags) {

    /** Checks the hash and date and freezes the tags, keeping their order. */
    public Session {
        Objects.requireNonNull(h, "h");
        Objects.requireNonNull(runDate, "runDate");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags == null ? Map.of() : tags));
    }

    /** The session a server answered. */
    public static Session of(SessionJson json) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (json.tags() != null) {
            json.tags().forEach(tag -> tags.put(tag.key() != null ? tag.key() : tag.name(), tag.value()));
        }
        return new Session(json.sessionH(), IsoDateTime.parse(json.runDate()), json.scmRef(), tags);
    }

    /** This session as the API's wire record, tags in order. */
    public SessionJson toJson() {
        List<TagJson> list = new ArrayList<>();
        tags.forEach((key, value) -> list.add(TagJson.of(key, value)));
        return new SessionJson(h, IsoDateTime.format(runDate), scm, list);
    }

    /** The reference library's name for {@link #runDate()}. */
    public LocalDateTime startDate() {
        return runDate;
    }

    /** Whether the session has the tag {@code name}, whatever its value. */
    public boolean hasTag(String name) {
        return tags.containsKey(name);
    }

    /** The value of tag {@code name}; empty when the tag is absent or null. */
    public Optional<String> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    /** The pipeline this session ran in: its non-empty {@code pipeline_branch} tag. */
    public Optional<String> pipeline() {
        return tag("pipeline_branch").filter(v -> !v.isEmpty());
    }

    /** The build this session belongs to: its non-empty {@code pipeline_build_no} tag, within a pipeline. */
    public Optional<String> build() {
        return pipeline().flatMap(p -> tag("pipeline_build_no")).filter(v -> !v.isEmpty());
    }
}
