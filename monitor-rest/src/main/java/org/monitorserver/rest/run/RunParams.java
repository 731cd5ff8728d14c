package org.monitorserver.rest.run;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.monitorserver.domain.IsoDateTime;
import org.monitorserver.domain.run.Run;
import org.monitorserver.persistence.run.RunFilter;
import org.monitorserver.rest.InvalidRequestException;

/**
 * The filters of {@code GET /api/v1/runs}: exact names, the reported status, and a registration time range
 * ({@code start} inclusive, {@code end} exclusive), each time ISO 8601 (UTC unless it has an offset) or epoch
 * seconds.
 */
public class RunParams {

    @QueryParam("project")
    @Size(max = Run.NAME_LENGTH, message = "must be at most 512 characters")
    String project;

    @QueryParam("job")
    @Size(max = Run.NAME_LENGTH, message = "must be at most 512 characters")
    String job;

    @QueryParam("stage")
    @Size(max = Run.NAME_LENGTH, message = "must be at most 512 characters")
    String stage;

    @QueryParam("team")
    @Size(max = Run.NAME_LENGTH, message = "must be at most 512 characters")
    String team;

    @QueryParam("status")
    @Pattern(regexp = "(?i)running|finished|failed", message = "must be running, finished or failed")
    String status;

    @QueryParam("start")
    String start;

    @QueryParam("end")
    String end;

    /**
     * The filter these parameters ask for.
     *
     * @throws InvalidRequestException (400) for a time that does not parse, or a start after the end
     */
    RunFilter filter() {
        Map<String, String> errors = new TreeMap<>();
        Optional<LocalDateTime> from = time("start", start, errors);
        Optional<LocalDateTime> to = time("end", end, errors);
        if (errors.isEmpty() && from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            errors.put("start", "is after end");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("invalid request parameters", errors);
        }
        return new RunFilter(Optional.ofNullable(project), Optional.ofNullable(job), Optional.ofNullable(stage),
                Optional.ofNullable(team),
                Optional.ofNullable(status).map(s -> Run.Status.valueOf(s.toUpperCase(Locale.ROOT))), from, to);
    }

    private static Optional<LocalDateTime> time(String name, String text, Map<String, String> errors) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.matches("-?\\d{1,11}")) {
            return Optional.of(LocalDateTime.ofEpochSecond(Long.parseLong(text), 0, ZoneOffset.UTC));
        }
        Optional<LocalDateTime> time = IsoDateTime.parse(text);
        if (time.isEmpty()) {
            errors.put(name, "must be an ISO 8601 time or epoch seconds");
        }
        return time;
    }
}
